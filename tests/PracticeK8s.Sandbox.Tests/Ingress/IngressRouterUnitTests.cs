using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Lifecycle;
using PracticeK8s.Sandbox.Networking;
using PracticeK8s.Sandbox.Networking.Http;
using PracticeK8s.Sandbox.Networking.Ingress;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Tests.Ingress;

/// <summary>
/// Unit tests of the ingress data plane: the router called with a DefaultHttpContext over an in-memory
/// cluster state, reaching two small HTTP servers on 127.0.0.1 that stand for pods through a fake
/// <see cref="IPodConnector"/> (pod IP:port → the server's loopback port). The real cluster path is in
/// <see cref="IngressTests"/>.
/// </summary>
public sealed class IngressRouterUnitTests : IAsyncLifetime
{
    private const string PodA = "10.244.0.5", PodB = "10.244.1.6";
    private readonly ObjectStore _store = new(null);
    private readonly ClusterAccess _cluster;
    private readonly IngressRoutes _routes = new();
    private readonly FakeConnector _connector = new();
    private readonly List<WebApplication> _pods = new();
    private ServiceProvider _services = null!;
    private IngressRouter _router = null!;

    public IngressRouterUnitTests()
    {
        var state = new SandboxState(_store, new ResourceRegistry(BuiltinResources.List));
        Bootstrap.Run(state);
        _cluster = new ClusterAccess(state);
    }

    private sealed class FakeConnector : IPodConnector
    {
        public readonly Dictionary<string, int> Ports = new();
        public readonly List<string> Calls = new();

        public async Task<Stream?> ConnectAsync(string podIp, int port, CancellationToken cancellationToken)
        {
            lock (Calls) Calls.Add($"{podIp}:{port}");
            if (!Ports.TryGetValue($"{podIp}:{port}", out var local)) return null;
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, local), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
    }

    public async Task InitializeAsync()
    {
        foreach (var pod in new[] { PodA, PodB })
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var name = pod;
            app.Run(ctx =>
            {
                var h = ctx.Request.Headers;
                return ctx.Response.WriteAsync($"pod={name} uri={ctx.Request.Path}{ctx.Request.QueryString} host={h.Host} real={h["X-Real-IP"]} " +
                    $"xff={h["X-Forwarded-For"]} xfh={h["X-Forwarded-Host"]} proto={h["X-Forwarded-Proto"]} id={(h["X-Request-ID"].ToString().Length == 32 ? "yes" : "no")}");
            });
            await app.StartAsync();
            var port = new Uri(app.Urls.First()).Port;
            _connector.Ports[$"{pod}:8080"] = port;
            _pods.Add(app);
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpForwarder();
        services.AddSingleton<IPodConnector>(_connector);
        services.AddSingleton<BackendForwarder>();
        _services = services.BuildServiceProvider();
        _router = new IngressRouter(_cluster, _services.GetRequiredService<BackendForwarder>(), _routes, new IngressCertificates(_cluster));

        Create("/services", """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},"spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":8080}]}}""");
        Create("/services", """{"apiVersion":"v1","kind":"Service","metadata":{"name":"empty","namespace":"default"},"spec":{"selector":{"app":"none"},"ports":[{"port":80}]}}""");
        SetEndpoints(PodA, PodB);
        _routes.Publish(IngressTableBuilder.Build(new[]
        {
            IngressRoutingUnitTests.Ingress("""
                metadata: {name: site}
                spec:
                  tls: [{hosts: [secure.example], secretName: secure-tls}]
                  rules:
                  - http:
                      paths:
                      - {path: /web, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                      - {path: /byname, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
                      - {path: /empty, pathType: Prefix, backend: {service: {name: empty, port: {number: 80}}}}
                      - {path: /missing, pathType: Prefix, backend: {service: {name: no-such-service, port: {number: 80}}}}
                  - host: secure.example
                    http:
                      paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
                """),
            IngressRoutingUnitTests.Ingress("""
                metadata:
                  name: rewrite
                  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /$2}
                spec:
                  rules:
                  - host: rewrite.example
                    http:
                      paths: [{path: /app(/|$)(.*), pathType: ImplementationSpecific, backend: {service: {name: web, port: {number: 80}}}}]
                """),
        }));
    }

    private void Create(string key, string json) => Assert.NotNull(_cluster.Create(key, JsonNode.Parse(json)!.AsObject()));

    private void SetEndpoints(params string[] ips)
    {
        var subsets = ips.Length == 0 ? "[]" : $$"""[{"addresses":[{{string.Join(",", ips.Select(ip => $$"""{"ip":"{{ip}}"}"""))}}],"ports":[{"name":"http","port":8080}]}]""";
        var json = JsonNode.Parse($$"""{"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"web","namespace":"default"},"subsets":{{subsets}}}""")!.AsObject();
        if (_cluster.Get<k8s.Models.V1Endpoints>("/endpoints", "default", "web") is { } existing)
            _cluster.Mutate(existing.Stored, n => n["subsets"] = json["subsets"]!.DeepClone());
        else Assert.NotNull(_cluster.Create("/endpoints", json));
    }

    private async Task<(int Status, string Body, HttpResponse Response, string Log)> Send(string host, string pathAndQuery, bool https = false)
    {
        var http = new DefaultHttpContext();
        var q = pathAndQuery.IndexOf('?');
        http.Request.Method = "GET";
        http.Request.Scheme = https ? "https" : "http";
        http.Request.Host = new HostString(host);
        http.Request.Path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        http.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(pathAndQuery[q..]);
        http.Request.Protocol = "HTTP/1.1";
        http.Request.Headers["X-Forwarded-For"] = "6.6.6.6"; // a client's claim, replaced
        http.Connection.RemoteIpAddress = IPAddress.Parse("127.0.0.9");
        var body = new MemoryStream();
        http.Response.Body = body;
        var log = await _router.ServeAsync(http);
        return (http.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()), http.Response, log);
    }

    [Fact]
    public async Task Forwards_KeepingHost_WithForwardedHeaders_RoundRobin()
    {
        var first = await Send("site.example:80", "/web/page?x=1");
        var second = await Send("site.example", "/byname");
        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.Contains("uri=/web/page?x=1 host=site.example:80 real=127.0.0.9 xff=127.0.0.9 xfh=site.example proto=http id=yes", first.Body);
        Assert.NotEqual(first.Body[..15], second.Body[..15]); // the two pods in turn
        Assert.Matches(@"^127\.0\.0\.9 - - \[[^\]]+\] ""GET /web/page\?x=1 HTTP/1\.1"" 200 \d+ ""-"" ""-"" 0 [0-9.]+ \[default-web-80\] \[\] 10\.244\.\d\.\d:8080 ", first.Log);
    }

    [Fact]
    public async Task RewriteTarget_ChangesThePathSent()
    {
        var r = await Send("rewrite.example", "/app/deep/er?q=2");
        Assert.Contains("uri=/deep/er?q=2 host=rewrite.example", r.Body);
    }

    [Fact]
    public async Task NoRoute_Is404_NoReadyEndpoint_Or_NoService_Is503()
    {
        var notFound = await Send("site.example", "/nothing");
        Assert.Equal(404, notFound.Status);
        Assert.Contains("<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>", notFound.Body);
        var empty = await Send("site.example", "/empty");
        Assert.Equal(503, empty.Status);
        Assert.Contains("<title>503 Service Temporarily Unavailable</title>", empty.Body);
        Assert.Equal(503, (await Send("site.example", "/missing")).Status);
    }

    [Fact]
    public async Task TlsHost_OverHttp_IsRedirected_OverHttps_IsServed()
    {
        var redirect = await Send("secure.example", "/a?b=c");
        Assert.Equal(308, redirect.Status);
        Assert.Equal("https://secure.example/a?b=c", redirect.Response.Headers.Location.ToString());
        var served = await Send("secure.example", "/a", https: true);
        Assert.Equal(200, served.Status);
        Assert.Contains("proto=https", served.Body);
    }

    [Fact]
    public async Task FollowsEndpoints_AndSkipsAnUnreachablePod()
    {
        SetEndpoints(PodB);
        for (int i = 0; i < 4; i++) Assert.StartsWith($"pod={PodB} ", (await Send("site.example", "/web")).Body);
        SetEndpoints("10.244.2.99", PodA); // the first refuses: the next one answers
        for (int i = 0; i < 4; i++)
        {
            var r = await Send("site.example", "/web");
            Assert.Equal(200, r.Status);
            Assert.StartsWith($"pod={PodA} ", r.Body);
        }
        Assert.Contains("10.244.2.99:8080", _connector.Calls);
        SetEndpoints();
        Assert.Equal(503, (await Send("site.example", "/web")).Status);
    }

    [Fact]
    public void Certificate_IsTheSecretsForItsHost_ElseTheFakeOne()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=secure.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        var crt = Convert.ToBase64String(Encoding.ASCII.GetBytes(cert.ExportCertificatePem()));
        var pem = Convert.ToBase64String(Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
        Create("/secrets", $$$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"secure-tls","namespace":"default"},"type":"kubernetes.io/tls","data":{"tls.crt":"{{{crt}}}","tls.key":"{{{pem}}}"}}""");
        Assert.Equal(cert.Thumbprint, _router.CertificateFor("secure.example").Thumbprint);
        Assert.Equal(cert.Thumbprint, _router.CertificateFor("SECURE.example").Thumbprint);
        Assert.True(_router.CertificateFor("secure.example").HasPrivateKey);
        Assert.Equal(IngressCertificates.FakeSubject, _router.CertificateFor("other.example").Subject);
        Assert.Equal(IngressCertificates.FakeSubject, _router.CertificateFor(null).Subject);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _pods) await app.DisposeAsync();
        await _services.DisposeAsync();
        _store.Dispose();
    }
}
