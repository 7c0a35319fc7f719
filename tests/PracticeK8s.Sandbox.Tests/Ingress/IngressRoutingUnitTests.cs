using System.Diagnostics;
using k8s.Models;
using PracticeK8s.Sandbox.Networking.Ingress;

namespace PracticeK8s.Sandbox.Tests.Ingress;

/// <summary>Unit tests of the ingress-nginx route table: which Ingresses it owns, host and path rules, annotations.</summary>
public sealed class IngressRoutingUnitTests
{
    private static int _age;

    /// <summary>An Ingress from YAML, created one second after the previous one (age decides between duplicates).</summary>
    internal static V1Ingress Ingress(string yaml)
    {
        var ingress = KubernetesYaml.Deserialize<V1Ingress>("apiVersion: networking.k8s.io/v1\nkind: Ingress\n" + yaml);
        ingress.Metadata.NamespaceProperty ??= "default";
        ingress.Metadata.CreationTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(Interlocked.Increment(ref _age));
        return ingress;
    }

    private static V1IngressClass Class(string name, string controller, bool isDefault) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Annotations = isDefault ? new Dictionary<string, string> { [IngressOwnership.DefaultClassAnnotation] = "true" } : null,
        },
        Spec = new V1IngressClassSpec { Controller = controller },
    };

    private static IngressRouteTable Table(params string[] yamls) => IngressTableBuilder.Build(yamls.Select(Ingress));

    /// <summary>The backend Service a request goes to ("404" when none).</summary>
    private static string Target(IngressRouteTable table, string host, string path) =>
        table.Route(host, path, "") is { Backend: { } b } ? b.Service : "404";

    private const string Paths = """
        metadata: {name: paths}
        spec:
          rules:
          - http:
              paths:
              - {path: /foo, pathType: Prefix, backend: {service: {name: foo, port: {number: 80}}}}
              - {path: /foo/bar, pathType: Prefix, backend: {service: {name: foobar, port: {number: 80}}}}
              - {path: /exact, pathType: Exact, backend: {service: {name: exact, port: {number: 80}}}}
              - {path: /exact, pathType: Prefix, backend: {service: {name: exact-prefix, port: {number: 80}}}}
              - {path: /slash/, pathType: Prefix, backend: {service: {name: slash, port: {number: 80}}}}
              - {path: /impl, pathType: ImplementationSpecific, backend: {service: {name: impl, port: {number: 80}}}}
        """;

    [Theory]
    [InlineData("/foo", "foo")]
    [InlineData("/foo/", "foo")]
    [InlineData("/foo/baz", "foo")]
    [InlineData("/foobar", "404")]
    [InlineData("/foo/bar", "foobar")]
    [InlineData("/foo/bar/baz", "foobar")]
    [InlineData("/foo/barn", "foo")]
    [InlineData("/exact", "exact")]
    [InlineData("/exact/", "exact-prefix")]
    [InlineData("/exact/more", "exact-prefix")]
    [InlineData("/slash", "slash")]
    [InlineData("/slash/x", "slash")]
    [InlineData("/impl/x", "impl")]
    [InlineData("/implx", "404")]
    [InlineData("/Foo", "404")]
    public void Paths_MatchBySegments_LongestWins_ExactFirst(string path, string expected) =>
        Assert.Equal(expected, Target(Table(Paths), "anything.example", path));

    [Fact]
    public void ExactPath_DoesNotMatchMore()
    {
        var table = Table("metadata: {name: e}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /only, pathType: Exact, backend: {service: {name: only, port: {number: 80}}}}\n");
        Assert.Equal("only", Target(table, "x", "/only"));
        Assert.Equal("404", Target(table, "x", "/only/"));
        Assert.Equal("404", Target(table, "x", "/only/more"));
    }

    private const string Hosts = """
        metadata: {name: hosts}
        spec:
          rules:
          - host: foo.example.com
            http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: foo-host, port: {number: 80}}}}]
          - host: "*.example.com"
            http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: wildcard, port: {number: 80}}}}]
          - host: only-a.example.org
            http:
              paths: [{path: /a, pathType: Prefix, backend: {service: {name: only-a, port: {number: 80}}}}]
          - http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: any-host, port: {number: 80}}}}]
        """;

    [Theory]
    [InlineData("foo.example.com", "/", "foo-host")]
    [InlineData("FOO.example.com:80", "/x", "foo-host")]
    [InlineData("foo.example.com.", "/", "foo-host")]
    [InlineData("bar.example.com", "/", "wildcard")]
    [InlineData("a.bar.example.com", "/", "any-host")]   // a wildcard covers one label only
    [InlineData("example.com", "/", "any-host")]
    [InlineData("127.0.0.200", "/", "any-host")]
    [InlineData("only-a.example.org", "/a/b", "only-a")]
    [InlineData("only-a.example.org", "/b", "404")]      // a host's server does not fall through to rules without host
    public void Hosts_ExactThenWildcardThenCatchAll(string host, string path, string expected) =>
        Assert.Equal(expected, Target(Table(Hosts), host, path));

    [Fact]
    public void DefaultBackend_TakesWhatNoRuleMatches()
    {
        var table = Table("""
            metadata: {name: with-default}
            spec:
              defaultBackend: {service: {name: fallback, port: {name: web}}}
              rules:
              - host: site.example
                http:
                  paths: [{path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]
            """);
        Assert.Equal("api", Target(table, "site.example", "/api/v1"));
        Assert.Equal("fallback", Target(table, "site.example", "/other"));
        Assert.Equal("fallback", Target(table, "elsewhere.example", "/"));
        Assert.Equal(("fallback", "web", (int?)null), table.Route("x", "/", "") is { Backend: { } b } ? (b.Service, b.PortName, b.PortNumber) : default);
    }

    [Fact]
    public void SameHostAndPath_TheOldestIngressWins()
    {
        var table = Table(
            "metadata: {name: old}\nspec:\n  rules:\n  - http:\n      paths: [{path: /x, pathType: Prefix, backend: {service: {name: old, port: {number: 80}}}}]\n",
            "metadata: {name: new}\nspec:\n  rules:\n  - http:\n      paths: [{path: /x, pathType: Prefix, backend: {service: {name: new, port: {number: 80}}}}]\n");
        Assert.Equal("old", Target(table, "h", "/x"));
    }

    [Fact]
    public void RewriteTarget_SubstitutesCaptureGroups_KeepsTheQuery()
    {
        var table = Table("""
            metadata:
              name: rewrite
              annotations: {nginx.ingress.kubernetes.io/rewrite-target: /$2}
            spec:
              rules:
              - host: rewrite.example
                http:
                  paths: [{path: /something(/|$)(.*), pathType: ImplementationSpecific, backend: {service: {name: app, port: {number: 80}}}}]
            """);
        Assert.Equal(("/new", "?a=1"), Rewritten(table, "rewrite.example", "/something/new", "?a=1"));
        Assert.Equal(("/", ""), Rewritten(table, "rewrite.example", "/something", ""));
        Assert.Equal(("/a/b", ""), Rewritten(table, "rewrite.example", "/SomeThing/a/b", "")); // regex locations ignore case
        Assert.Equal("404", Target(table, "rewrite.example", "/other"));
    }

    [Fact]
    public void RewriteTarget_WithoutGroups_SendsEverythingToTheTarget()
    {
        var table = Table("metadata:\n  name: r\n  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}\nspec:\n  rules:\n  - http:\n      paths: [{path: /hello, pathType: Prefix, backend: {service: {name: hello, port: {number: 8080}}}}]\n");
        Assert.Equal(("/", ""), Rewritten(table, "h", "/hello", ""));
        Assert.Equal(("/", ""), Rewritten(table, "h", "/hello/deeper", ""));
    }

    private static (string, string) Rewritten(IngressRouteTable table, string host, string path, string query) =>
        table.Route(host, path, query) is { } d ? (d.Path, d.Query) : ("404", "");

    [Fact]
    public void UseRegex_AppliesToEveryPathOfTheHost_CaseInsensitive_LongerFirst()
    {
        var table = Table(
            "metadata:\n  name: rx\n  annotations: {nginx.ingress.kubernetes.io/use-regex: \"true\"}\nspec:\n  rules:\n  - host: rx.example\n    http:\n      paths:\n      - {path: \"/v[0-9]+/.*\", pathType: ImplementationSpecific, backend: {service: {name: versioned, port: {number: 80}}}}\n      - {path: /v1/special-case, pathType: ImplementationSpecific, backend: {service: {name: special, port: {number: 80}}}}\n",
            "metadata: {name: plain}\nspec:\n  rules:\n  - host: rx.example\n    http:\n      paths: [{path: /plain, pathType: Prefix, backend: {service: {name: plain, port: {number: 80}}}}]\n");
        Assert.Equal("versioned", Target(table, "rx.example", "/V2/anything"));
        Assert.Equal("special", Target(table, "rx.example", "/v1/special-case"));
        Assert.Equal("plain", Target(table, "rx.example", "/plainly"));  // a regex location is a character prefix
        Assert.Equal("404", Target(table, "rx.example", "/x/v1/y"));     // anchored at the start
    }

    [Fact]
    public void HostileRegex_IsCutOffByItsTimeBudget()
    {
        var table = Table("metadata:\n  name: evil\n  annotations: {nginx.ingress.kubernetes.io/use-regex: \"true\"}\nspec:\n  rules:\n  - http:\n      paths: [{path: \"/(a+)+$\", pathType: ImplementationSpecific, backend: {service: {name: evil, port: {number: 80}}}}]\n");
        var watch = Stopwatch.StartNew();
        Assert.Equal("404", Target(table, "h", "/" + new string('a', 40) + "!"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal("evil", Target(table, "h", "/aaaa"));
    }

    [Fact]
    public void InvalidRegex_IsLeftOut()
    {
        var table = Table("metadata:\n  name: bad\n  annotations: {nginx.ingress.kubernetes.io/use-regex: \"true\"}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: \"/(unclosed\", pathType: ImplementationSpecific, backend: {service: {name: bad, port: {number: 80}}}}\n      - {path: /good, pathType: ImplementationSpecific, backend: {service: {name: good, port: {number: 80}}}}\n");
        Assert.Equal("good", Target(table, "h", "/good"));
        Assert.Equal("404", Target(table, "h", "/(unclosed"));
    }

    [Fact]
    public void SslRedirect_ForHostsWithTls_UnlessTurnedOff()
    {
        var table = Table(
            "metadata: {name: tls}\nspec:\n  tls: [{hosts: [secure.example], secretName: secure-tls}]\n  rules:\n  - host: secure.example\n    http:\n      paths: [{path: /, pathType: Prefix, backend: {service: {name: s, port: {number: 80}}}}]\n  - host: open.example\n    http:\n      paths: [{path: /, pathType: Prefix, backend: {service: {name: o, port: {number: 80}}}}]\n",
            "metadata:\n  name: no-redirect\n  annotations: {nginx.ingress.kubernetes.io/ssl-redirect: \"false\"}\nspec:\n  tls: [{hosts: [lax.example], secretName: lax-tls}]\n  rules:\n  - host: lax.example\n    http:\n      paths: [{path: /, pathType: Prefix, backend: {service: {name: l, port: {number: 80}}}}]\n");
        Assert.True(table.Route("secure.example", "/", "")!.SslRedirect);
        Assert.False(table.Route("open.example", "/", "")!.SslRedirect);
        Assert.False(table.Route("lax.example", "/", "")!.SslRedirect);
        Assert.Equal(new[] { "secure-tls", "lax-tls" }, table.Tls.Select(t => t.SecretName));
    }

    [Fact]
    public void Ownership_ByClassName_Annotation_OrDefaultClass()
    {
        var nginx = Class("nginx", IngressOwnership.ControllerName, isDefault: true);
        var other = Class("other", "example.com/other", isDefault: false);
        V1Ingress With(string meta, string spec = "") => Ingress($"metadata: {meta}\nspec: {{{spec}}}\n");
        Assert.True(IngressOwnership.Owns(With("{name: a}", "ingressClassName: nginx"), new[] { nginx, other }));
        Assert.False(IngressOwnership.Owns(With("{name: a}", "ingressClassName: other"), new[] { nginx, other }));
        Assert.False(IngressOwnership.Owns(With("{name: a}", "ingressClassName: nginx"), new[] { other }));  // its IngressClass is gone
        Assert.True(IngressOwnership.Owns(With("{name: a, annotations: {kubernetes.io/ingress.class: nginx}}"), new[] { other }));
        Assert.False(IngressOwnership.Owns(With("{name: a, annotations: {kubernetes.io/ingress.class: traefik}}"), new[] { nginx }));
        Assert.True(IngressOwnership.Owns(With("{name: a}"), new[] { nginx }));
        Assert.False(IngressOwnership.Owns(With("{name: a}"), new[] { Class("nginx", IngressOwnership.ControllerName, isDefault: false) }));
    }

    [Theory]
    [InlineData("*.example.com", "a.example.com", true)]
    [InlineData("*.example.com", "a.b.example.com", false)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("Site.Example", "site.example", true)]
    public void HostPatterns(string pattern, string host, bool matches) => Assert.Equal(matches, IngressRouteTable.HostMatches(pattern, host));
}
