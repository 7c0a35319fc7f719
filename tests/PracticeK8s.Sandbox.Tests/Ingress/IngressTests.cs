using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Cluster;

namespace PracticeK8s.Sandbox.Tests.Ingress;

/// <summary>
/// The built-in ingress-nginx end to end on a real sandbox: stock kubectl applies the objects, requests
/// go from this process to the controller Service's LoadBalancer address (80/443), through the Service
/// proxy to the controller pod and on to the backends' pods (built-in nginx and hello-app).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IngressTests(ClusterFixture f)
{
    private const string Ns = "ingress-nginx";

    /// <summary>The controller's LoadBalancer address, once the controller pod is ready behind it.</summary>
    private async Task<string> ControllerAddress()
    {
        string ip = "";
        await ClusterFixture.Eventually(async () =>
        {
            var svc = await f.Admin.CoreV1.ReadNamespacedServiceAsync("ingress-nginx-controller", Ns);
            ip = svc.Status?.LoadBalancer?.Ingress?.FirstOrDefault()?.Ip ?? "";
            var endpoints = await f.Admin.CoreV1.ReadNamespacedEndpointsAsync("ingress-nginx-controller", Ns);
            return ip.Length > 0 && endpoints.Subsets?.Any(s => s.Addresses?.Count > 0) == true;
        }, "the ingress controller ready behind its LoadBalancer address", seconds: 45);
        return ip;
    }

    internal static string HelloApp(string name) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{{name}}}}
        spec:
          replicas: 1
          selector: {matchLabels: {app: {{{name}}}}}
          template:
            metadata: {labels: {app: {{{name}}}}}
            spec:
              containers:
              - {name: hello, image: "gcr.io/google-samples/hello-app:1.0", ports: [{containerPort: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: {{{name}}}}
        spec:
          selector: {app: {{{name}}}}
          ports: [{name: web, port: 8080, targetPort: 8080}]
        """;

    private const string WebNginx = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web-nginx}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web-nginx}}
          template:
            metadata: {labels: {app: web-nginx}}
            spec:
              containers:
              - {name: nginx, image: "nginx:1.27", ports: [{containerPort: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-nginx}
        spec:
          selector: {app: web-nginx}
          ports: [{port: 80}]
        """;

    /// <summary>One GET to the controller's address with a Host header (a fresh connection each time, as curl).</summary>
    internal static async Task<(HttpStatusCode? Code, string Body, HttpResponseMessage? Response)> Get(string ip, string host, string path)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{ip}{path}");
        request.Headers.Host = host;
        try
        {
            var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        }
        catch (HttpRequestException e) { return (null, e.Message, null); }
    }

    /// <summary>Which hello-app Deployment answered ("404"/"503" for the controller's own pages).</summary>
    internal static async Task<string> Who(string ip, string host, string path)
    {
        var (code, body, _) = await Get(ip, host, path);
        if (code is HttpStatusCode.NotFound or HttpStatusCode.ServiceUnavailable && body.Contains("<hr><center>nginx</center>")) return ((int)code).ToString();
        var line = body.Split('\n').FirstOrDefault(l => l.StartsWith("Hostname: ", StringComparison.Ordinal));
        return line is null ? $"{code}: {body}" : line["Hostname: ".Length..].Split('-')[0];
    }

    [Fact]
    public async Task Bootstrap_InstallsTheController_ItsDefaultClass_AndItsLoadBalancer()
    {
        var ip = await ControllerAddress();
        Assert.Matches(@"^127\.0\.0\.(2\d\d)$", ip);
        Assert.Matches(@"(?m)^nginx\s+k8s\.io/ingress-nginx\s+<none>\s+", f.Kubectl.Ok("get", "ingressclass"));
        Assert.Equal("true", f.Kubectl.Ok("get", "ingressclass", "nginx", "-o", "jsonpath={.metadata.annotations.ingressclass\\.kubernetes\\.io/is-default-class}"));
        var services = f.Kubectl.Ok("-n", Ns, "get", "svc");
        Assert.Matches($@"(?m)^ingress-nginx-controller\s+LoadBalancer\s+10\.96\.\S+\s+{Regex(ip)}\s+80:3\d{{4}}/TCP,443:3\d{{4}}/TCP\s", services);
        var pods = f.Kubectl.Ok("-n", Ns, "get", "pods", "-l", "app.kubernetes.io/component=controller");
        Assert.Matches(@"(?m)^ingress-nginx-controller-[a-z0-9]+-[a-z0-9]{5}\s+1/1\s+Running\s+0\s", pods);
        var logs = f.Kubectl.Ok("-n", Ns, "logs", "deployment/ingress-nginx-controller");
        Assert.Contains("NGINX Ingress controller", logs);
        Assert.Contains("Release:       v1.12.1", logs);
        var (code, body, _) = await Get(ip, "nothing.test", "/");
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Contains("<center><h1>404 Not Found</h1></center>", body);
    }

    private static string Regex(string s) => System.Text.RegularExpressions.Regex.Escape(s);

    [Fact]
    public async Task AnIngressWithoutClass_GetsTheDefault_IsRouted_AndShowsTheAddress()
    {
        var ip = await ControllerAddress();
        var ns = f.NewNamespace("ing-default");
        f.Apply(ns, HelloApp("hello"));
        f.Apply(ns, "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: course}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /hello, pathType: Prefix, backend: {service: {name: hello, port: {number: 8080}}}}\n");
        f.Apply(ns, "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: elsewhere}\nspec:\n  ingressClassName: other\n  rules:\n  - host: other.test\n    http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: hello, port: {number: 8080}}}}\n");
        Assert.Equal("nginx", (await f.Admin.NetworkingV1.ReadNamespacedIngressAsync("course", ns)).Spec.IngressClassName);
        var table = f.Kubectl.WaitFor($@"(?m)^course\s+nginx\s+\*\s+{Regex(ip)}\s+80\s", "-n", ns, "get", "ingress");
        Assert.Matches(@"(?m)^elsewhere\s+other\s+other\.test\s+80\s", table); // not ours: no address
        await f.RunningPods(ns, "app=hello", 1);
        await ClusterFixture.Eventually(async () => (await Get(ip, "any.test", "/hello")).Body.StartsWith("Hello, world!\nVersion: 1.0.0\nHostname: hello-"), "/hello answered by hello-app");
        Assert.Equal("404", await Who(ip, "other.test", "/"));
        var events = await f.Events(ns, "course");
        Assert.Contains(events, e => (e.Type, e.Reason, e.Message, e.Source.Component) == ("Normal", "Sync", "Scheduled for sync", "nginx-ingress-controller"));
        Assert.Matches(@"Normal\s+Sync\s+.*nginx-ingress-controller\s+Scheduled for sync", f.Kubectl.Ok("-n", ns, "describe", "ingress", "course"));
        Assert.Contains($"/hello   hello:8080", f.Kubectl.Ok("-n", ns, "describe", "ingress", "course").Replace(" (", "   ("));

        f.Kubectl.Ok("-n", ns, "patch", "ingress", "course", "--type=merge", "-p", """{"spec":{"ingressClassName":"other"}}""");
        await ClusterFixture.Eventually(async () =>
            (await f.Admin.NetworkingV1.ReadNamespacedIngressAsync("course", ns)).Status?.LoadBalancer?.Ingress is null or { Count: 0 }, "the address taken back");
        Assert.Equal("404", await Who(ip, "any.test", "/hello"));
    }

    [Fact]
    public async Task ExactVsPrefix_LongestMatch_AndHosts()
    {
        var ip = await ControllerAddress();
        var ns = f.NewNamespace("ing-paths");
        f.Apply(ns, HelloApp("alpha") + "\n---\n" + HelloApp("beta"));
        f.Apply(ns, """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: paths}
            spec:
              ingressClassName: nginx
              rules:
              - host: paths.test
                http:
                  paths:
                  - {path: /foo, pathType: Prefix, backend: {service: {name: alpha, port: {number: 8080}}}}
                  - {path: /foo/bar, pathType: Prefix, backend: {service: {name: beta, port: {name: web}}}}
                  - {path: /exact, pathType: Exact, backend: {service: {name: beta, port: {number: 8080}}}}
              - host: "*.wild.test"
                http:
                  paths: [{path: /, pathType: Prefix, backend: {service: {name: beta, port: {number: 8080}}}}]
            """);
        await f.RunningPods(ns, "app in (alpha,beta)", 2);
        await ClusterFixture.Eventually(async () => await Who(ip, "paths.test", "/foo") == "alpha", "/foo routed");
        Assert.Equal("alpha", await Who(ip, "paths.test", "/foo/"));
        Assert.Equal("alpha", await Who(ip, "paths.test", "/foo/baz"));
        Assert.Equal("404", await Who(ip, "paths.test", "/foobar"));
        Assert.Equal("beta", await Who(ip, "paths.test", "/foo/bar"));
        Assert.Equal("beta", await Who(ip, "paths.test", "/foo/bar/baz"));
        Assert.Equal("beta", await Who(ip, "paths.test", "/exact"));
        Assert.Equal("404", await Who(ip, "paths.test", "/exact/more"));
        Assert.Equal("beta", await Who(ip, "x.wild.test", "/anything"));
        Assert.Equal("404", await Who(ip, "x.y.wild.test", "/anything"));
        Assert.Equal("404", await Who(ip, "other.test", "/foo"));
    }

    [Fact]
    public async Task RewriteTarget_WithCaptureGroups()
    {
        var ip = await ControllerAddress();
        var ns = f.NewNamespace("ing-rewrite");
        f.Apply(ns, WebNginx);
        f.Apply(ns, """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: rewrite
              annotations: {nginx.ingress.kubernetes.io/rewrite-target: /$2}
            spec:
              rules:
              - host: rewrite.test
                http:
                  paths: [{path: /nginx(/|$)(.*), pathType: ImplementationSpecific, backend: {service: {name: web-nginx, port: {number: 80}}}}]
            """);
        await f.RunningPods(ns, "app=web-nginx", 1);
        await ClusterFixture.Eventually(async () => (await Get(ip, "rewrite.test", "/nginx")).Body.Contains("<title>Welcome to nginx!</title>"), "/nginx rewritten to /");
        Assert.Contains("<title>Welcome to nginx!</title>", (await Get(ip, "rewrite.test", "/nginx/index.html")).Body);
        var missing = await Get(ip, "rewrite.test", "/NGINX/missing.html"); // regex locations ignore case; nginx itself answers 404 for /missing.html
        Assert.Equal(HttpStatusCode.NotFound, missing.Code);
        Assert.Contains("<hr><center>nginx/1.27.0</center>", missing.Body);
        var log = f.Kubectl.Ok("-n", ns, "logs", "deployment/web-nginx");
        Assert.Contains("\"GET /missing.html HTTP/1.1\" 404", log);
    }

    [Fact]
    public async Task ABackendScaledToZero_Gives503_AndComesBack()
    {
        var ip = await ControllerAddress();
        var ns = f.NewNamespace("ing-scale");
        f.Apply(ns, HelloApp("hello"));
        f.Apply(ns, "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: scale}\nspec:\n  rules:\n  - host: scale.test\n    http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: hello, port: {number: 8080}}}}\n");
        await f.RunningPods(ns, "app=hello", 1);
        await ClusterFixture.Eventually(async () => await Who(ip, "scale.test", "/") == "hello", "routed to hello");
        f.Kubectl.Ok("-n", ns, "scale", "deployment", "hello", "--replicas=0");
        await ClusterFixture.Eventually(async () => await Who(ip, "scale.test", "/") == "503", "503 with no endpoint");
        var (_, body, _) = await Get(ip, "scale.test", "/");
        Assert.Contains("<title>503 Service Temporarily Unavailable</title>", body);
        f.Kubectl.Ok("-n", ns, "scale", "deployment", "hello", "--replicas=2");
        await f.RunningPods(ns, "app=hello", 2);
        await ClusterFixture.Eventually(async () => await Who(ip, "scale.test", "/") == "hello", "routed again");
        var pods = new HashSet<string>();
        for (int i = 0; i < 6; i++) pods.Add((await Get(ip, "scale.test", "/")).Body.Split('\n')[2]);
        Assert.Equal(2, pods.Count); // both pods in turn
    }

    [Fact]
    public async Task Tls_FromASecret_CheckedByCurl_AndHttpRedirects()
    {
        var ip = await ControllerAddress();
        var ns = f.NewNamespace("ing-tls");
        var (caPem, certPem, keyPem, leafThumbprint) = Certificates("secure.test");
        var caFile = f.TempFile("ca.pem", caPem);
        f.Kubectl.Ok("-n", ns, "create", "secret", "tls", "secure-tls", "--cert", f.TempFile("tls.crt", certPem), "--key", f.TempFile("tls.key", keyPem));
        f.Apply(ns, HelloApp("hello"));
        f.Apply(ns, "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: secure}\nspec:\n  tls: [{hosts: [secure.test], secretName: secure-tls}]\n  rules:\n  - host: secure.test\n    http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: hello, port: {number: 8080}}}}\n");
        await f.RunningPods(ns, "app=hello", 1);
        await ClusterFixture.Eventually(async () => (await Get(ip, "secure.test", "/x")).Code == HttpStatusCode.PermanentRedirect, "http redirected");
        var redirect = await Get(ip, "secure.test", "/x?y=1");
        Assert.Equal("https://secure.test/x?y=1", redirect.Response!.Headers.Location!.ToString());

        var curl = Curl("-sS", "--max-time", "10", "--resolve", $"secure.test:443:{ip}", "--cacert", caFile, "https://secure.test/hello");
        Assert.True(curl.ExitCode == 0, curl.Output);
        Assert.StartsWith("Hello, world!\nVersion: 1.0.0\nHostname: hello-", curl.Output);

        Assert.Equal(leafThumbprint, await PresentedCertificate(ip, "secure.test"));
        var fake = await PresentedSubject(ip, "unknown.test");
        Assert.Equal("CN=Kubernetes Ingress Controller Fake Certificate, O=Acme Co", fake);
        var refused = Curl("-sS", "--max-time", "10", "--resolve", $"unknown.test:443:{ip}", "--cacert", caFile, "https://unknown.test/");
        Assert.NotEqual(0, refused.ExitCode); // the fake certificate is not trusted
    }

    /// <summary>A CA and a server certificate for <paramref name="host"/> signed by it (PEM), and the server certificate's thumbprint.</summary>
    private static (string Ca, string Cert, string Key, string Thumbprint) Certificates(string host)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=ingress test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using var leaf = request.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8));
        return (ca.ExportCertificatePem(), leaf.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n", leaf.Thumbprint);
    }

    internal static async Task<X509Certificate2> Handshake(string ip, string serverName)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Parse(ip), 443);
        X509Certificate2? presented = null;
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            presented = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        });
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = serverName })
            .WaitAsync(TimeSpan.FromSeconds(10));
        return presented!;
    }

    private static async Task<string> PresentedCertificate(string ip, string serverName) => (await Handshake(ip, serverName)).Thumbprint;
    private static async Task<string> PresentedSubject(string ip, string serverName) => (await Handshake(ip, serverName)).Subject;

    private static (int ExitCode, string Output) Curl(params string[] args)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(20_000)) { process.Kill(); return (-1, "curl timed out"); }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
