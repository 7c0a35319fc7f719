using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using PracticeK8s.Sandbox.Tests.Cluster;
using Xunit.Abstractions;

namespace PracticeK8s.Sandbox.Tests.Gateway;

/// <summary>
/// Gateway API on a running sandbox, driven by stock kubectl: the built-in GatewayClass programs a
/// Gateway on a pool address, and HTTPRoutes route real requests to the built-in images' pods
/// (hello-app answers with its pod's name; nginx logs the request line and User-Agent it got).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GatewayTests(ClusterFixture f, ITestOutputHelper output)
{
    private const int ListenerPort = 8080;

    private static string App(string name, string image, int port, int replicas = 1) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {"{"}name: {name}{"}"}
        spec:
          replicas: {replicas}
          selector: {"{"}matchLabels: {"{"}app: {name}{"}}"}
          template:
            metadata: {"{"}labels: {"{"}app: {name}{"}}"}
            spec:
              containers: [{"{"}name: app, image: "{image}", ports: [{"{"}containerPort: {port}{"}"}]{"}"}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {"{"}name: {name}{"}"}
        spec:
          selector: {"{"}app: {name}{"}"}
          ports: [{"{"}port: {port}{"}"}]
        """;

    private const string Hello = "gcr.io/google-samples/hello-app:1.0";

    private static string GatewayYaml(string name = "web") => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {"{"}name: {name}{"}"}
        spec:
          gatewayClassName: practicek8s
          listeners:
          - {"{"}name: http, port: {ListenerPort}, protocol: HTTP{"}"}
        """;

    /// <summary>Waits until kubectl shows the Gateway Programmed and returns its address.</summary>
    private string ProgrammedAddress(string ns, string name = "web")
    {
        var table = f.Kubectl.WaitFor($@"(?m)^{name}\s+practicek8s\s+127\.0\.0\.\d+\s+True\s", "-n", ns, "get", "gateway", name);
        return Regex.Match(table, @"127\.0\.0\.\d+").Value;
    }

    private static async Task<HttpResponseMessage> Send(string url, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, AllowAutoRedirect = false, UseProxy = false })
            { Timeout = TimeSpan.FromSeconds(10) };
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<string> Body(HttpResponseMessage r) => await r.Content.ReadAsStringAsync();

    /// <summary>Waits until a GET answers <paramref name="status"/> (pods and listeners coming up); returns that response.</summary>
    private static async Task<HttpResponseMessage> Eventually(string url, HttpStatusCode status, params (string, string)[] headers)
    {
        HttpResponseMessage? last = null;
        await ClusterFixture.Eventually(async () =>
        {
            try { last = await Send(url, headers); }
            catch (HttpRequestException) { return false; }
            return last.StatusCode == status;
        }, $"GET {url} answers {(int)status}");
        return last!;
    }

    [Fact]
    public async Task Gateway_IsProgrammedOnAPoolAddress_ApartFromLoadBalancerServices()
    {
        var ns = f.NewNamespace("gw-status");
        f.Apply(ns, GatewayYaml() + "\n---\n" + """
            apiVersion: v1
            kind: Service
            metadata: {name: lb}
            spec:
              type: LoadBalancer
              selector: {app: none}
              ports: [{port: 8080}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: to-nowhere}
            spec:
              parentRefs: [{name: web}, {name: web, sectionName: nope}]
              hostnames: [shop.example.com]
              rules:
              - backendRefs: [{name: missing, port: 80}]
            """);
        Assert.Matches(@"(?m)^NAME\s+CONTROLLER\s+ACCEPTED\s+AGE\s*$", f.Kubectl.Ok("get", "gatewayclass"));
        Assert.Matches(@"(?m)^practicek8s\s+practicek8s\.io/gateway-controller\s+True\s", f.Kubectl.Ok("get", "gc"));
        var address = ProgrammedAddress(ns);
        Assert.Matches(@"(?m)^NAME\s+CLASS\s+ADDRESS\s+PROGRAMMED\s+AGE\s*$", f.Kubectl.Ok("-n", ns, "get", "gtw"));
        var routes = f.Kubectl.Ok("-n", ns, "get", "httproute");
        Assert.Matches(@"(?m)^NAME\s+HOSTNAMES\s+AGE\s*$", routes);
        Assert.Matches(@"(?m)^to-nowhere\s+\[""shop\.example\.com""\]\s", routes);
        Assert.Contains("allowedRoutes", f.Kubectl.Ok("explain", "gateway.spec.listeners"));
        var lb = f.Kubectl.WaitFor(@"127\.0\.0\.\d+", "-n", ns, "get", "service", "lb", "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}");
        Assert.NotEqual(address, lb.Trim());

        using var gateway = JsonDocument.Parse(f.Kubectl.Ok("-n", ns, "get", "gateway", "web", "-o", "json"));
        var status = gateway.RootElement.GetProperty("status");
        var generation = gateway.RootElement.GetProperty("metadata").GetProperty("generation").GetInt64();
        Assert.Equal(("IPAddress", address), (status.GetProperty("addresses")[0].GetProperty("type").GetString(), status.GetProperty("addresses")[0].GetProperty("value").GetString()));
        foreach (var type in new[] { "Accepted", "Programmed" })
        {
            var c = status.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("type").GetString() == type);
            Assert.Equal(("True", type, generation), (c.GetProperty("status").GetString(), c.GetProperty("reason").GetString(), c.GetProperty("observedGeneration").GetInt64()));
        }
        var listener = status.GetProperty("listeners").EnumerateArray().Single();
        await ClusterFixture.Eventually(() => Task.FromResult(f.Kubectl.Ok("-n", ns, "get", "gateway", "web", "-o", "jsonpath={.status.listeners[0].attachedRoutes}") == "1"),
            "the route counts as attached");
        Assert.Equal("HTTPRoute", listener.GetProperty("supportedKinds")[0].GetProperty("kind").GetString());
        Assert.Equal(new[] { "Accepted=True", "Conflicted=False", "Programmed=True", "ResolvedRefs=True" },
            listener.GetProperty("conditions").EnumerateArray().Select(c => $"{c.GetProperty("type").GetString()}={c.GetProperty("status").GetString()}").Order());

        // the route's status, one entry per parentRef, as upstream controllers write it
        using var route = JsonDocument.Parse(f.Kubectl.Ok("-n", ns, "get", "httproute", "to-nowhere", "-o", "json"));
        var parents = route.RootElement.GetProperty("status").GetProperty("parents").EnumerateArray().ToList();
        Assert.Equal(2, parents.Count);
        Assert.All(parents, p => Assert.Equal("practicek8s.io/gateway-controller", p.GetProperty("controllerName").GetString()));
        string Condition(JsonElement parent, string type) => parent.GetProperty("conditions").EnumerateArray()
            .Where(c => c.GetProperty("type").GetString() == type).Select(c => $"{c.GetProperty("status").GetString()}/{c.GetProperty("reason").GetString()}").Single();
        var plain = parents.Single(p => !p.GetProperty("parentRef").TryGetProperty("sectionName", out _));
        Assert.Equal("True/Accepted", Condition(plain, "Accepted"));
        Assert.Equal("False/BackendNotFound", Condition(plain, "ResolvedRefs"));
        Assert.Equal("False/NoMatchingParent", Condition(parents.Single(p => p.GetProperty("parentRef").TryGetProperty("sectionName", out _)), "Accepted"));

        // a request the route's hostname does not cover finds no route; one it covers reaches the invalid backend: 500
        Assert.Equal(HttpStatusCode.NotFound, (await Eventually($"http://{address}:{ListenerPort}/", HttpStatusCode.NotFound)).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await Send($"http://{address}:{ListenerPort}/", ("Host", "shop.example.com"))).StatusCode);

        // deleting the Gateway closes its listener
        f.Kubectl.Ok("-n", ns, "delete", "gateway", "web");
        await ClusterFixture.Eventually(async () =>
        {
            try { await Send($"http://{address}:{ListenerPort}/"); return false; }
            catch (HttpRequestException) { return true; }
        }, "the listener is closed");
    }

    [Fact]
    public async Task HttpRoute_RoutesByPathAndHeader()
    {
        var ns = f.NewNamespace("gw-match");
        f.Apply(ns, App("hello", Hello, 8080) + "\n---\n" + App("web", "nginx:1.27", 80) + "\n---\n" + GatewayYaml() + "\n---\n" + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: app}
            spec:
              parentRefs: [{name: web}]
              rules:
              - matches: [{path: {type: PathPrefix, value: /app}}]
                backendRefs: [{name: hello, port: 8080}]
              - matches:
                - path: {type: PathPrefix, value: /app}
                  headers: [{name: x-variant, value: nginx}]
                - path: {type: Exact, value: /}
                backendRefs: [{name: web, port: 80}]
            """);
        var address = ProgrammedAddress(ns);
        await f.RunningPods(ns, "app=hello", 1);
        await f.RunningPods(ns, "app=web", 1);
        var url = $"http://{address}:{ListenerPort}";

        var hello = await Eventually(url + "/app/page", HttpStatusCode.OK);
        Assert.Contains("Hostname: hello-", await Body(hello));
        // the header match is more specific than the bare prefix: nginx answers (its own 404 for /app)
        var nginx = await Send(url + "/app", ("X-Variant", "nginx"));
        Assert.Equal(HttpStatusCode.NotFound, nginx.StatusCode);
        Assert.Contains("nginx/1.27", await Body(nginx));
        Assert.Contains("Welcome to nginx", await Body(await Eventually(url + "/", HttpStatusCode.OK)));
        // PathPrefix matches whole segments; nothing else matches
        var other = await Send(url + "/application");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("nginx", await Body(other));
        Assert.Equal(HttpStatusCode.NotFound, (await Send(url + "/index.html")).StatusCode);
    }

    [Fact]
    public async Task WeightedBackends_Split90To10_Over200Requests()
    {
        var ns = f.NewNamespace("gw-weight");
        f.Apply(ns, App("stable", Hello, 8080) + "\n---\n" + App("canary", Hello, 8080) + "\n---\n" + GatewayYaml() + "\n---\n" + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: split}
            spec:
              parentRefs: [{name: web}]
              rules:
              - backendRefs:
                - {name: stable, port: 8080, weight: 90}
                - {name: canary, port: 8080, weight: 10}
            """);
        var address = ProgrammedAddress(ns);
        await f.RunningPods(ns, "app=stable", 1);
        await f.RunningPods(ns, "app=canary", 1);
        var url = $"http://{address}:{ListenerPort}/";
        await ClusterFixture.Eventually(async () =>
        {
            // both backends answer before counting (their listeners come up with the pods)
            var seen = new HashSet<string>();
            for (int i = 0; i < 60 && seen.Count < 2; i++)
            {
                var r = await Send(url);
                if (r.StatusCode == HttpStatusCode.OK) seen.Add(Regex.Match(await Body(r), @"Hostname: (\w+)-").Groups[1].Value);
            }
            return seen.Count == 2;
        }, "both backends answer");

        var counts = new Dictionary<string, int> { ["stable"] = 0, ["canary"] = 0 };
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        for (int i = 0; i < 200; i++)
        {
            var body = await http.GetStringAsync(url);
            counts[Regex.Match(body, @"Hostname: (\w+)-").Groups[1].Value]++;
        }
        output.WriteLine($"200 requests: stable {counts["stable"]}, canary {counts["canary"]}");
        Assert.InRange(counts["stable"], 160, 200); // 90% +- 10 points of 200
        Assert.InRange(counts["canary"], 1, 40);
    }

    [Fact]
    public async Task Filters_RewriteThePath_ModifyHeaders_AndRedirect()
    {
        var ns = f.NewNamespace("gw-filter");
        f.Apply(ns, App("web", "nginx:1.27", 80) + "\n---\n" + GatewayYaml() + "\n---\n" + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: filters}
            spec:
              parentRefs: [{name: web}]
              rules:
              - matches: [{path: {type: PathPrefix, value: /site}}]
                filters:
                - type: URLRewrite
                  urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}
                - type: RequestHeaderModifier
                  requestHeaderModifier: {set: [{name: User-Agent, value: via-gateway}]}
                - type: ResponseHeaderModifier
                  responseHeaderModifier: {add: [{name: X-Served-By, value: practicek8s}], remove: [Server]}
                backendRefs: [{name: web, port: 80}]
              - matches: [{path: {type: PathPrefix, value: /old}}]
                filters:
                - type: RequestRedirect
                  requestRedirect: {scheme: https, hostname: new.example.com, statusCode: 301, path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}
            """);
        var address = ProgrammedAddress(ns);
        var pod = (await f.RunningPods(ns, "app=web", 1)).Single().Metadata.Name;
        var url = $"http://{address}:{ListenerPort}";

        var rewritten = await Eventually(url + "/site/", HttpStatusCode.OK);
        Assert.Contains("Welcome to nginx", await Body(rewritten));
        Assert.Equal("practicek8s", rewritten.Headers.GetValues("X-Served-By").Single());
        Assert.False(rewritten.Headers.Contains("Server"));
        // nginx saw the rewritten path and the replaced User-Agent
        f.Kubectl.WaitFor("\"GET / HTTP/1.1\" 200 .*\"via-gateway\"", "-n", ns, "logs", pod);

        var redirect = await Send(url + "/old/page?x=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("https://new.example.com/new/page?x=1", redirect.Headers.Location!.ToString());
    }

    [Fact]
    public async Task HttpsListener_TerminatesTlsWithTheCertificateOfItsSecret()
    {
        var ns = f.NewNamespace("gw-tls");
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=secure.example.com", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var san = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        san.AddDnsName("secure.example.com");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var crt = f.TempFile("tls.crt", certificate.ExportCertificatePem());
        var keyFile = f.TempFile("tls.key", key.ExportPkcs8PrivateKeyPem());
        f.Kubectl.Ok("-n", ns, "create", "secret", "tls", "site-tls", "--cert", crt, "--key", keyFile);
        f.Apply(ns, App("hello", Hello, 8080) + "\n---\n" + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: web}
            spec:
              gatewayClassName: practicek8s
              listeners:
              - name: https
                port: 8443
                protocol: HTTPS
                hostname: secure.example.com
                tls: {mode: Terminate, certificateRefs: [{name: site-tls}]}
              - name: broken
                port: 9443
                protocol: HTTPS
                tls: {certificateRefs: [{name: no-such-secret}]}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: hello}
            spec:
              parentRefs: [{name: web, sectionName: https}]
              rules:
              - backendRefs: [{name: hello, port: 8080}]
            """);
        var address = f.Kubectl.WaitFor(@"127\.0\.0\.\d+", "-n", ns, "get", "gateway", "web", "-o", "jsonpath={.status.addresses[0].value}").Trim();
        await ClusterFixture.Eventually(() => Task.FromResult(f.Kubectl.Ok("-n", ns, "get", "gateway", "web", "-o",
            "jsonpath={range .status.listeners[*]}{.name}:{.conditions[?(@.type==\"ResolvedRefs\")].reason}:{.conditions[?(@.type==\"Programmed\")].status} {end}")
            == "https:ResolvedRefs:True broken:InvalidCertificateRef:False "), "the listeners' status");
        // one listener invalid: the Gateway is accepted with reason ListenersNotValid and programmed for the valid one
        Assert.Matches(@"(?m)^web\s+practicek8s\s+127\.0\.0\.\d+\s+True\s", f.Kubectl.Ok("-n", ns, "get", "gateway", "web"));
        Assert.Equal("True/ListenersNotValid", f.Kubectl.Ok("-n", ns, "get", "gateway", "web", "-o",
            "jsonpath={.status.conditions[?(@.type==\"Accepted\")].status}/{.status.conditions[?(@.type==\"Accepted\")].reason}"));
        await f.RunningPods(ns, "app=hello", 1);

        string? presented = null;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Parse(address), 8443, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => { presented = cert?.GetCertHashString(); return true; } },
        }) { Timeout = TimeSpan.FromSeconds(10) };
        string body = "";
        await ClusterFixture.Eventually(async () =>
        {
            try { body = await http.GetStringAsync("https://secure.example.com:8443/"); }
            catch (HttpRequestException) { return false; }
            return body.Contains("Hostname: hello-");
        }, "hello-app answers over TLS");
        Assert.Equal(certificate.GetCertHashString(), presented);
    }
}
