using System.Net.Http;
using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Networking.Gateway;

namespace PracticeK8s.Sandbox.Tests.Gateway;

/// <summary>HTTPRoute semantics as plain classes: hostnames, matches, precedence, weights, filters, binding to listeners.</summary>
public sealed class GatewayRoutingUnitTests
{
    private static HttpRequest Request(string path, string host = "example.com", string method = "GET", string query = "", params (string, string)[] headers)
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.Method = method;
        ctx.Request.Scheme = "http";
        ctx.Request.Host = new HostString(host);
        ctx.Request.Path = path;
        ctx.Request.QueryString = new QueryString(query);
        foreach (var (k, v) in headers) ctx.Request.Headers.Append(k, v);
        return ctx.Request;
    }

    private static RequestMatch Path(string type, string value) => new(new HttpRouteMatch(new HttpPathMatch(type, value), null, null, null));

    [Theory]
    [InlineData("*.example.com", "a.example.com", true)]
    [InlineData("*.example.com", "a.b.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("foo.example.com", "FOO.example.com", true)]
    [InlineData("foo.example.com", "bar.example.com", false)]
    [InlineData("", "anything.org", true)]
    public void Hostnames_WildcardsMatchOneOrMoreLabels(string pattern, string host, bool expected) =>
        Assert.Equal(expected, Hostnames.Matches(pattern, host));

    [Fact]
    public void Hostnames_ListenerAndRouteIntersect()
    {
        Assert.Equal(new[] { "a.example.com" }, Hostnames.Intersect("*.example.com", new[] { "a.example.com", "a.other.org" }));
        Assert.Equal(new[] { "foo.example.com" }, Hostnames.Intersect("foo.example.com", new[] { "*.example.com" }));
        Assert.Equal(new[] { "*.a.example.com" }, Hostnames.Intersect("*.example.com", new[] { "*.a.example.com" }));
        Assert.Equal(new[] { "*.a.example.com" }, Hostnames.Intersect("*.a.example.com", new[] { "*.example.com" }));
        Assert.Empty(Hostnames.Intersect("foo.example.com", new[] { "bar.example.com" }));
        Assert.Equal(new[] { "x.org" }, Hostnames.Intersect(null, new[] { "x.org" }));
        Assert.Equal(new[] { "*.example.com" }, Hostnames.Intersect("*.example.com", null));
        Assert.Equal(new[] { Hostnames.Any }, Hostnames.Intersect(null, Array.Empty<string>()));
    }

    [Theory]
    [InlineData("PathPrefix", "/foo", "/foo", true)]
    [InlineData("PathPrefix", "/foo", "/foo/", true)]
    [InlineData("PathPrefix", "/foo", "/foo/bar", true)]
    [InlineData("PathPrefix", "/foo", "/foobar", false)]
    [InlineData("PathPrefix", "/foo/", "/foo", true)]
    [InlineData("PathPrefix", "/", "/anything", true)]
    [InlineData("Exact", "/foo", "/foo", true)]
    [InlineData("Exact", "/foo", "/foo/", false)]
    [InlineData("RegularExpression", "/v[0-9]+/items", "/v12/items", true)]
    [InlineData("RegularExpression", "/v[0-9]+/items", "/v12/items/extra", false)]
    public void PathMatches_BySegmentsExactlyOrByWholeRegex(string type, string value, string path, bool expected) =>
        Assert.Equal(expected, Path(type, value).PathMatches(path));

    [Fact]
    public void HeadersQueryAndMethod_AllMustHold()
    {
        var match = new RequestMatch(new HttpRouteMatch(new HttpPathMatch("PathPrefix", "/"),
            new List<ValueMatch> { new(null, "X-Env", "canary"), new("RegularExpression", "user-agent", "curl/.*") },
            new List<ValueMatch> { new("Exact", "debug", "1") }, "POST"));
        Assert.True(match.IsMatch(Request("/", method: "POST", query: "?debug=1", headers: new[] { ("x-env", "canary"), ("User-Agent", "curl/8.5") })));
        Assert.False(match.IsMatch(Request("/", method: "GET", query: "?debug=1", headers: new[] { ("x-env", "canary"), ("User-Agent", "curl/8.5") })));
        Assert.False(match.IsMatch(Request("/", method: "POST", query: "?debug=2", headers: new[] { ("x-env", "canary"), ("User-Agent", "curl/8.5") })));
        Assert.False(match.IsMatch(Request("/", method: "POST", query: "?DEBUG=1", headers: new[] { ("x-env", "canary"), ("User-Agent", "curl/8.5") })));
        Assert.False(match.IsMatch(Request("/", method: "POST", query: "?debug=1", headers: new[] { ("x-env", "stable"), ("User-Agent", "curl/8.5") })));
        Assert.False(match.IsMatch(Request("/", method: "POST", query: "?debug=1", headers: new[] { ("x-env", "canary"), ("User-Agent", "wget") })));
    }

    [Fact]
    public void UserRegexes_RunInLinearTime_AndUnsupportedOnesAreRejected()
    {
        // catastrophic for a backtracking engine; the non-backtracking one answers at once
        var evil = Path("RegularExpression", "/(a+)+b");
        var started = DateTime.UtcNow;
        Assert.False(evil.PathMatches("/" + new string('a', 5000) + "c"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
        Assert.Throws<NotSupportedException>(() => Path("RegularExpression", "/(a)\\1"));
        Assert.ThrowsAny<ArgumentException>(() => Path("RegularExpression", "/(unclosed"));
    }

    private static RouteEntry Entry(string route, DateTime created, RequestMatch match, string host = "", int rule = 0) =>
        new(new RouteRule(new RouteId("ns", route, created), rule, Array.Empty<HttpRouteFilter>(), Array.Empty<RouteBackend>()), match, 0, host);

    [Fact]
    public void Precedence_ExactThenLongestPrefixThenMethodHeadersQuery_ThenOldestRoute()
    {
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var withHeader = new RequestMatch(new HttpRouteMatch(new HttpPathMatch("PathPrefix", "/api"), new List<ValueMatch> { new(null, "x-v", "2") }, null, null));
        var withMethod = new RequestMatch(new HttpRouteMatch(new HttpPathMatch("PathPrefix", "/api"), null, null, "GET"));
        var routes = new PortRoutes(new[]
        {
            new ListenerRoutes(null, new[]
            {
                Entry("root", t0, Path("PathPrefix", "/")),
                Entry("api", t0, Path("PathPrefix", "/api")),
                Entry("api-newer", t0.AddMinutes(1), Path("PathPrefix", "/api")),
                Entry("api-v1", t0, Path("PathPrefix", "/api/v1")),
                Entry("exact", t0, Path("Exact", "/api/v1/status")),
                Entry("header", t0, withHeader),
                Entry("method", t0, withMethod),
            }),
        });
        Assert.Equal("exact", routes.Select(Request("/api/v1/status"))!.Rule.Route.Name);
        Assert.Equal("api-v1", routes.Select(Request("/api/v1/users"))!.Rule.Route.Name);
        Assert.Equal("method", routes.Select(Request("/api/x", headers: ("x-v", "2")))!.Rule.Route.Name);
        Assert.Equal("header", routes.Select(Request("/api/x", method: "POST", headers: ("x-v", "2")))!.Rule.Route.Name);
        Assert.Equal("api", routes.Select(Request("/api/x", method: "POST"))!.Rule.Route.Name);
        Assert.Equal("root", routes.Select(Request("/apis"))!.Rule.Route.Name);
    }

    [Fact]
    public void Hostnames_MostSpecificWins_WithoutFallingBack()
    {
        var t0 = DateTime.UnixEpoch;
        var routes = new PortRoutes(new[]
        {
            new ListenerRoutes(null, new[]
            {
                Entry("any", t0, Path("PathPrefix", "/")),
                Entry("wild", t0, Path("PathPrefix", "/"), "*.example.com"),
                Entry("exact", t0, Path("PathPrefix", "/only"), "shop.example.com"),
            }),
        });
        Assert.Equal("exact", routes.Select(Request("/only", host: "shop.example.com:8080"))!.Rule.Route.Name);
        Assert.Null(routes.Select(Request("/other", host: "shop.example.com")));
        Assert.Equal("wild", routes.Select(Request("/other", host: "blog.example.com"))!.Rule.Route.Name);
        Assert.Equal("any", routes.Select(Request("/", host: "example.org"))!.Rule.Route.Name);
    }

    private static RouteBackend Backend(string name, int weight) => new("ns", name, 80, weight, null, Array.Empty<HttpRouteFilter>());

    [Fact]
    public void Weights_SplitInProportion_AndZeroGetsNothing()
    {
        var backends = new[] { Backend("a", 90), Backend("b", 10), Backend("off", 0) };
        var random = new Random(16);
        var counts = new Dictionary<string, int>();
        for (int i = 0; i < 20_000; i++)
        {
            var b = BackendPicker.Pick(backends, random)!;
            counts[b.Service] = counts.GetValueOrDefault(b.Service) + 1;
        }
        Assert.False(counts.ContainsKey("off"));
        Assert.InRange(counts["a"] / 200.0, 89, 91);
        Assert.Null(BackendPicker.Pick(new[] { Backend("off", 0) }, random));
        Assert.Null(BackendPicker.Pick(Array.Empty<RouteBackend>(), random));
    }

    [Theory]
    [InlineData("ReplacePrefixMatch", "/api", "/v2", "/api/users", "/v2/users")]
    [InlineData("ReplacePrefixMatch", "/api", "/", "/api/users", "/users")]
    [InlineData("ReplacePrefixMatch", "/api", "/v2", "/api", "/v2")]
    [InlineData("ReplacePrefixMatch", "/api", "/v2", "/api/", "/v2/")]
    [InlineData("ReplacePrefixMatch", "/", "/base", "/x/y", "/base/x/y")]
    [InlineData("ReplaceFullPath", "/api", "/fixed", "/api/users", "/fixed")]
    public void PathRewrites_ReplaceTheMatchedPrefixOrTheWholePath(string type, string prefix, string replacement, string path, string expected)
    {
        var modifier = type == "ReplaceFullPath" ? new PathModifier(type, replacement, null) : new PathModifier(type, null, replacement);
        Assert.Equal(expected, RouteFilters.RewritePath(path, modifier, Path("PathPrefix", prefix)));
    }

    [Fact]
    public void Redirects_KeepWhatIsNotReplaced_AndDropWellKnownPorts()
    {
        var match = Path("PathPrefix", "/old");
        var request = Request("/old/page", host: "shop.example.com:8080", query: "?q=1");
        Assert.Equal("https://shop.example.com/old/page?q=1", RouteFilters.RedirectLocation(new RequestRedirect("https", null, null, null, 301), request, match, 8080));
        Assert.Equal("http://shop.example.com:8080/new/page?q=1",
            RouteFilters.RedirectLocation(new RequestRedirect(null, null, new PathModifier("ReplacePrefixMatch", null, "/new"), null, null), request, match, 8080));
        Assert.Equal("http://other.org/old/page?q=1", RouteFilters.RedirectLocation(new RequestRedirect(null, "other.org", null, 80, null), request, match, 8080));
    }

    [Fact]
    public void HeaderModifiers_SetAddRemove()
    {
        var message = new HttpRequestMessage(HttpMethod.Get, "http://x/");
        message.Headers.TryAddWithoutValidation("X-Keep", "1");
        message.Headers.TryAddWithoutValidation("X-Set", "old");
        message.Headers.TryAddWithoutValidation("X-Drop", "1");
        RouteFilters.Apply(new HeaderModifier(new() { new("X-Set", "new") }, new() { new("X-Keep", "2"), new("X-Added", "a") }, new() { "x-drop" }), message);
        Assert.Equal(new[] { "new" }, message.Headers.GetValues("X-Set"));
        Assert.Equal(new[] { "1", "2" }, message.Headers.GetValues("X-Keep"));
        Assert.Equal(new[] { "a" }, message.Headers.GetValues("X-Added"));
        Assert.False(message.Headers.Contains("X-Drop"));
    }

    private sealed class FakeReferences(params string[] namespacesWithLabelTeamA) : IReferenceResolver
    {
        public List<(string From, string To, string Service)> Grants { get; } = new();
        public IReadOnlyDictionary<string, string> NamespaceLabels(string ns) =>
            namespacesWithLabelTeamA.Contains(ns) ? new Dictionary<string, string> { ["team"] = "a" } : new Dictionary<string, string>();
        public V1Service? Service(string ns, string name) => name.StartsWith("svc", StringComparison.Ordinal)
            ? new V1Service { Spec = new V1ServiceSpec { Ports = new List<V1ServicePort> { new V1ServicePort { Port = 80 } } } } : null;
        public bool Granted(string fromNamespace, string toNamespace, string service) => Grants.Contains((fromNamespace, toNamespace, service));
    }

    private static GatewaySpec Spec(string json) => GatewayApi.Read<GatewaySpec>(JsonNode.Parse(json))!;
    private static RouteInput Route(string ns, string name, string json) => new(new RouteId(ns, name, DateTime.UnixEpoch), GatewayApi.Read<HttpRouteSpec>(JsonNode.Parse(json))!);

    [Fact]
    public void Binding_FollowsAllowedRoutesSectionNamesAndHostnames()
    {
        var gateway = new GatewayInput("infra", "gw", Spec("""
            {"gatewayClassName": "practicek8s", "listeners": [
              {"name": "same", "port": 80, "protocol": "HTTP"},
              {"name": "all", "port": 81, "protocol": "HTTP", "hostname": "*.example.com", "allowedRoutes": {"namespaces": {"from": "All"}}},
              {"name": "team", "port": 82, "protocol": "HTTP", "allowedRoutes": {"namespaces": {"from": "Selector", "selector": {"matchLabels": {"team": "a"}}}}},
              {"name": "tcp", "port": 83, "protocol": "TCP"},
              {"name": "no-port", "protocol": "HTTP"}]}
            """));
        var refs = new FakeReferences("apps-a");
        var routes = new[]
        {
            Route("infra", "local", """{"parentRefs": [{"name": "gw", "sectionName": "same"}], "rules": [{"backendRefs": [{"name": "svc", "port": 80}]}]}"""),
            Route("apps-a", "team", """{"parentRefs": [{"name": "gw", "namespace": "infra"}], "rules": [{"backendRefs": [{"name": "svc", "port": 80}]}]}"""),
            Route("apps-b", "other", """{"parentRefs": [{"name": "gw", "namespace": "infra", "sectionName": "team"}]}"""),
            Route("apps-b", "wrong-host", """{"parentRefs": [{"name": "gw", "namespace": "infra", "sectionName": "all"}], "hostnames": ["x.org"]}"""),
            Route("infra", "no-section", """{"parentRefs": [{"name": "gw", "sectionName": "nope"}]}"""),
            Route("infra", "missing", """{"parentRefs": [{"name": "gw"}], "rules": [{"backendRefs": [{"name": "gone", "port": 80}]}]}"""),
            Route("apps-b", "cross", """{"parentRefs": [{"name": "gw", "namespace": "infra", "sectionName": "all"}], "rules": [{"backendRefs": [{"name": "svc", "namespace": "infra", "port": 80}]}]}"""),
            Route("infra", "bad-regex", """{"parentRefs": [{"name": "gw"}], "rules": [{"matches": [{"path": {"type": "RegularExpression", "value": "(x"}}]}]}"""),
            Route("infra", "elsewhere", """{"parentRefs": [{"name": "other-gw"}]}"""),
            Route("infra", "mirror", """{"parentRefs": [{"name": "gw"}], "rules": [{"filters": [{"type": "RequestMirror", "requestMirror": {}}]}]}"""),
        };
        var (gateways, results) = RouteBinder.Bind(new[] { gateway }, routes, refs);
        string Accepted(string name) => results.Single(r => r.Key.Name == name).Value.Single().Accepted is var c ? $"{c.Status}/{c.Reason}" : "";
        Assert.Equal("True/Accepted", Accepted("local"));
        Assert.Equal("True/Accepted", Accepted("team"));
        Assert.Equal("False/NotAllowedByListeners", Accepted("other"));
        Assert.Equal("False/NoMatchingListenerHostname", Accepted("wrong-host"));
        Assert.Equal("False/NoMatchingParent", Accepted("no-section"));
        Assert.Equal("False/UnsupportedValue", Accepted("bad-regex"));
        Assert.Equal("False/UnsupportedValue", Accepted("mirror"));
        Assert.Empty(results.Single(r => r.Key.Name == "elsewhere").Value);
        var missing = results.Single(r => r.Key.Name == "missing").Value.Single();
        Assert.Equal(("True", "False", "BackendNotFound"), (missing.Accepted.Status.ToString(), missing.ResolvedRefs.Status.ToString(), missing.ResolvedRefs.Reason));
        Assert.Equal("RefNotPermitted", results.Single(r => r.Key.Name == "cross").Value.Single().ResolvedRefs.Reason);

        var binding = gateways[("infra", "gw")];
        Assert.Equal(2, binding.AttachedRoutes["same"]); // local and missing; team attaches to "team", not "same" (other namespace)
        Assert.Equal(3, binding.AttachedRoutes["all"]); // team and missing (no sectionName: every listener that allows them), cross
        Assert.Equal(1, binding.AttachedRoutes["team"]);
        Assert.Equal(0, binding.AttachedRoutes["tcp"]);
        Assert.Equal(0, binding.AttachedRoutes["no-port"]);

        refs.Grants.Add(("apps-b", "infra", "svc"));
        (_, results) = RouteBinder.Bind(new[] { gateway }, routes, refs);
        Assert.True(results.Single(r => r.Key.Name == "cross").Value.Single().ResolvedRefs.Status);
    }

    [Theory]
    [InlineData(".spec.controllerName", "practicek8s.io/gateway-controller")]
    [InlineData(".status.conditions[?(@.type==\"Programmed\")].status", "True")]
    [InlineData(".status.conditions[?(@.type=='Accepted')].reason", "ListenersNotValid")]
    [InlineData(".status.addresses[*].value", "127.0.0.200|127.0.0.201")]
    [InlineData(".status.addresses[1].value", "127.0.0.201")]
    [InlineData(".spec.hostnames", "[\"a.example.com\"]")]
    [InlineData(".status.missing[*].value", "")]
    public void PrinterColumns_EvaluateTheJsonPathsCrdsUse(string path, string expected)
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""
            {"spec": {"controllerName": "practicek8s.io/gateway-controller", "hostnames": ["a.example.com"]},
             "status": {"addresses": [{"value": "127.0.0.200"}, {"value": "127.0.0.201"}],
                        "conditions": [{"type": "Accepted", "status": "True", "reason": "ListenersNotValid"}, {"type": "Programmed", "status": "True"}]}}
            """);
        var values = PracticeK8s.Sandbox.Api.Tables.PrinterJsonPath.Evaluate(doc.RootElement, path)
            .Select(v => v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : v.GetRawText());
        Assert.Equal(expected, string.Join("|", values));
    }

    [Fact]
    public void ListenerConflicts_ProtocolsOnOnePort_AndRepeatedHostnames()
    {
        var spec = Spec("""
            {"listeners": [
              {"name": "a", "port": 80, "protocol": "HTTP", "hostname": "x.org"},
              {"name": "b", "port": 80, "protocol": "HTTP", "hostname": "X.org"},
              {"name": "c", "port": 80, "protocol": "HTTP"},
              {"name": "d", "port": 443, "protocol": "HTTPS"},
              {"name": "e", "port": 443, "protocol": "HTTP"}]}
            """);
        var conflicts = ListenerConflicts.Find(spec.Listeners!);
        Assert.Equal(new[] { "a=HostnameConflict", "b=HostnameConflict", "d=ProtocolConflict", "e=ProtocolConflict" },
            conflicts.Select(c => $"{c.Key}={c.Value.Reason}").Order());
    }
}
