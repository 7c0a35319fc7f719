using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Http;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;
using PracticeK8s.TestServers;

namespace PracticeK8s.Tests.Http;

/// <summary>
/// The module's client against small HTTPS servers of the test's own: certificate names checked for
/// every CA source (stock kubectl on the same server is the referee), tls-server-name honoured, and
/// servers that never answer or stop mid-body answered by a timeout naming the address.
/// </summary>
public sealed class TransportTests : IDisposable
{
    private static readonly X509Certificate2 Authority = TestTlsServer.CreateAuthority("transport-test-ca");
    private static readonly X509Certificate2 LoopbackCertificate =
        TestTlsServer.CreateServerCertificate(Authority, ["127.0.0.1", "::1"], ["localhost"]);
    private static readonly IPAddress OtherLoopback = IPAddress.Parse("127.0.0.3");

    private readonly string _dir = Directory.CreateTempSubdirectory("transport-").FullName;
    private readonly List<TestTlsServer> _servers = [];

    public void Dispose()
    {
        foreach (var server in _servers)
            server.Dispose();
        KubeSession.Reset();
        Directory.Delete(_dir, recursive: true);
    }

    private TestTlsServer Serve(IPAddress address, X509Certificate2 certificate, TlsServerBehaviour behaviour)
    {
        var server = new TestTlsServer(address, certificate, behaviour);
        _servers.Add(server);
        return server;
    }

    /// <summary>A kubeconfig for the server; the CA as data, as a file, or (null) none.</summary>
    private string KubeConfig(string server, string? caSource, string? serverName = null, bool insecure = false)
    {
        var cluster = $"    server: {server}\n";
        if (caSource == "data")
            cluster += $"    certificate-authority-data: {Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(TestTlsServer.Pem(Authority)))}\n";
        else if (caSource == "file")
        {
            var caFile = Path.Combine(_dir, "ca.crt");
            File.WriteAllText(caFile, TestTlsServer.Pem(Authority));
            cluster += $"    certificate-authority: {caFile}\n";
        }
        if (serverName is not null)
            cluster += $"    tls-server-name: {serverName}\n";
        if (insecure)
            cluster += "    insecure-skip-tls-verify: true\n";
        var path = Path.Combine(_dir, $"config-{Guid.NewGuid():N}");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: test
              cluster:
            {cluster}contexts:
            - name: test
              context:
                cluster: test
                user: test
            current-context: test
            users:
            - name: test
              user:
                token: not-a-real-token
            """);
        return path;
    }

    private static KubeConnection Connect(string kubeconfig) => KubeSession.Connect(null, [kubeconfig]);

    private static (int ExitCode, string Stderr) Kubectl(string kubeconfig, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/kubectl") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        start.ArgumentList.Add("--request-timeout=5s");
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000);
        return (process.ExitCode, stderr.Result);
    }

    [Theory]
    [InlineData("data")]
    [InlineData("file")]
    public async Task CertificateForAnotherAddress_IsRefused_WithKubectlsReason(string caSource)
    {
        var server = Serve(OtherLoopback, LoopbackCertificate, TlsServerBehaviour.Answer);
        var url = $"https://127.0.0.3:{server.Port}";
        var config = KubeConfig(url, caSource);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<KubeException>(() => Connect(config).Api.GetVersionAsync(default));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"refused after {watch.Elapsed}");
        Assert.Equal("KubeConnectionFailed", error.ErrorId);
        Assert.Equal($"Unable to connect to the server {url}: tls: failed to verify certificate: x509: certificate is valid for 127.0.0.1, ::1, not 127.0.0.3",
            error.Message);
        Assert.Equal(0, server.Requests);
        Assert.Equal(1, server.Connections); // a refused certificate is not retried

        var kubectl = Kubectl(config, "get", "--raw", "/version");
        Assert.NotEqual(0, kubectl.ExitCode);
        Assert.Contains("x509: certificate is valid for 127.0.0.1, ::1, not 127.0.0.3", kubectl.Stderr);
    }

    [Fact]
    public async Task CertificateFromAnotherAuthority_IsRefused_LikeKubectl()
    {
        var stranger = TestTlsServer.CreateServerCertificate(TestTlsServer.CreateAuthority("stranger"), ["127.0.0.1"], []);
        var server = Serve(IPAddress.Loopback, stranger, TlsServerBehaviour.Answer);
        var config = KubeConfig($"https://127.0.0.1:{server.Port}", "data");
        var error = await Assert.ThrowsAsync<KubeException>(() => Connect(config).Api.GetVersionAsync(default));
        Assert.StartsWith($"Unable to connect to the server https://127.0.0.1:{server.Port}: tls: failed to verify certificate: x509: certificate signed by unknown authority", error.Message);
        Assert.Contains("x509: certificate signed by unknown authority", Kubectl(config, "get", "--raw", "/version").Stderr);
    }

    [Fact]
    public async Task TlsServerName_IsTheNameChecked_AndAMismatchIsRefused()
    {
        var named = TestTlsServer.CreateServerCertificate(Authority, [], ["api.cluster.internal"]);
        var server = Serve(OtherLoopback, named, TlsServerBehaviour.Answer);
        var url = $"https://127.0.0.3:{server.Port}";

        var good = KubeConfig(url, "data", serverName: "api.cluster.internal");
        Assert.Equal("v1.32.0", (await Connect(good).Api.GetVersionAsync(default)).GitVersion);
        Assert.Equal(0, Kubectl(good, "get", "--raw", "/version").ExitCode);

        var wrong = KubeConfig(url, "data", serverName: "other.cluster.internal");
        var error = await Assert.ThrowsAsync<KubeException>(() => Connect(wrong).Api.GetVersionAsync(default));
        Assert.EndsWith("x509: certificate is valid for api.cluster.internal, not other.cluster.internal", error.Message);
        Assert.Contains("x509: certificate is valid for api.cluster.internal, not other.cluster.internal", Kubectl(wrong, "get", "--raw", "/version").Stderr);

        var none = KubeConfig(url, "data");
        var noName = await Assert.ThrowsAsync<KubeException>(() => Connect(none).Api.GetVersionAsync(default));
        Assert.EndsWith("x509: cannot validate certificate for 127.0.0.3 because it doesn't contain any IP SANs", noName.Message);
    }

    [Fact]
    public async Task InsecureSkipTlsVerify_ConnectsAndIsFlagged()
    {
        var server = Serve(OtherLoopback, LoopbackCertificate, TlsServerBehaviour.Answer);
        var connection = Connect(KubeConfig($"https://127.0.0.3:{server.Port}", null, insecure: true));
        Assert.True(connection.SkipsTlsVerify);
        Assert.Equal("v1.32.0", (await connection.Api.GetVersionAsync(default)).GitVersion);
    }

    [Fact]
    public void SystemTrust_StillChecksTheName()
    {
        // With no CA in the kubeconfig the platform's chain verdict is used, the name is checked by us.
        var verifier = new ServerCertificateVerifier(null, "127.0.0.3");
        var error = Assert.Throws<ServerCertificateException>(() => verifier.Validate(this, LoopbackCertificate, null, SslPolicyErrors.None));
        Assert.Equal("tls: failed to verify certificate: x509: certificate is valid for 127.0.0.1, ::1, not 127.0.0.3", error.Message);
        Assert.True(new ServerCertificateVerifier(null, "localhost").Validate(this, LoopbackCertificate, null, SslPolicyErrors.None));
        Assert.True(new ServerCertificateVerifier(null, "[::1]").Validate(this, LoopbackCertificate, null, SslPolicyErrors.None));
        Assert.Throws<ServerCertificateException>(() => new ServerCertificateVerifier(null, "localhost")
            .Validate(this, LoopbackCertificate, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ServerThatNeverAnswers_TimesOutWithinTheBound_NamingTheAddress(bool streamedList)
    {
        await WarmUpAsync();
        var server = Serve(IPAddress.Loopback, LoopbackCertificate, TlsServerBehaviour.NeverAnswer);
        var url = $"https://127.0.0.1:{server.Port}";
        var connection = Connect(KubeConfig(url, "data"));
        // 3 s, not 1: on a loaded machine the TLS handshake alone has taken over a second, and this test is about a server that accepted the request.
        RequestTimeout.ForCall = TimeSpan.FromSeconds(3);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<KubeException>(() => streamedList
            ? ListPods(connection)
            : connection.Api.GetStringAsync("/api/v1/namespaces/default/pods", default));
        var took = watch.Elapsed;
        Assert.InRange(took, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(8)); // bounded by the 3 s timeout, with room for a loaded machine
        Assert.Equal("KubeTimeout", error.ErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.OperationTimeout, error.Category);
        Assert.StartsWith($"Unable to connect to the server {url}: GET /api/v1/namespaces/default/pods", error.Message);
        Assert.Contains(streamedList ? "timed out awaiting the response headers after 3s" : "timed out awaiting the response after 3s", error.Message);
        Assert.True(server.Requests >= 1, "the handshake completed and the request was sent");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ServerThatStallsMidBody_TimesOutWithinTheBound(bool streamedList)
    {
        await WarmUpAsync();
        var server = Serve(IPAddress.Loopback, LoopbackCertificate, TlsServerBehaviour.StallMidBody);
        var url = $"https://127.0.0.1:{server.Port}";
        var connection = Connect(KubeConfig(url, "data"));
        RequestTimeout.ForCall = TimeSpan.FromSeconds(1);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<KubeException>(() => streamedList
            ? ListPods(connection)
            : connection.Api.GetStringAsync("/api/v1/namespaces/default/pods", default));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2.5));
        Assert.Equal("KubeTimeout", error.ErrorId);
        Assert.StartsWith($"Unable to connect to the server {url}: GET /api/v1/namespaces/default/pods", error.Message);
        Assert.Contains(streamedList ? "timed out while reading the response body after 1s" : "timed out awaiting the response after 1s", error.Message);
    }

    [Fact]
    public async Task ServerThatNeverStartsTls_TimesOutWithinTheBound()
    {
        var server = Serve(IPAddress.Loopback, LoopbackCertificate, TlsServerBehaviour.NoHandshake);
        var url = $"https://127.0.0.1:{server.Port}";
        RequestTimeout.ForCall = TimeSpan.FromSeconds(1);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<KubeException>(() => Connect(KubeConfig(url, "data")).Api.GetVersionAsync(default));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2.5));
        Assert.Equal("KubeTimeout", error.ErrorId);
        Assert.StartsWith($"Unable to connect to the server {url}: GET /version timed out awaiting the response after 1s", error.Message);
    }

    [Fact]
    public async Task Stream_HasNoDeadlineOnceItsHeadersArrived()
    {
        // A watch or logs -Follow body may stay quiet for longer than the request timeout.
        await WarmUpAsync();
        var server = Serve(IPAddress.Loopback, LoopbackCertificate, TlsServerBehaviour.StallMidBody);
        var connection = Connect(KubeConfig($"https://127.0.0.1:{server.Port}", "data"));
        RequestTimeout.ForCall = TimeSpan.FromMilliseconds(500);
        using var response = await connection.Api.SendAsync(HttpMethod.Get, "/api/v1/pods?watch=1", null, default, stream: true, endless: true);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[8192];
        Assert.True(await body.ReadAsync(buffer) > 0);
        using var ours = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await body.ReadAsync(buffer, ours.Token) > 0)
            {
            }
        });
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.4), "only our own cancellation ended the quiet stream");
    }

    [Fact]
    public async Task Watch_SilentForLongerThanTheServerWouldKeepIt_IsResumed()
    {
        await WarmUpAsync();
        var server = Serve(IPAddress.Loopback, LoopbackCertificate, TlsServerBehaviour.StallMidBody);
        var connection = Connect(KubeConfig($"https://127.0.0.1:{server.Port}", "data"));
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        RequestLog.Verbose = log.Enqueue;
        var client = new KubeResourceClient(connection) { WatchSilenceLimit = TimeSpan.FromSeconds(1) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2.6));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.WatchAsync(KindCatalog.Pod, "default", new ListOptions(), "1", stop.Token))
            {
            }
        });
        Assert.True(server.Requests >= 2, $"{server.Requests} watch requests");
        Assert.Contains(log, line => line == "watch of pods was silent for 1s; resuming from 1");
    }

    [Fact]
    public void Connections_UseTcpKeepAlive_SoAQuietStreamNoticesADeadPeer()
    {
        using var socket = ClientTransport.CreateSocket();
        Assert.Equal(1, (int)socket.GetSocketOption(System.Net.Sockets.SocketOptionLevel.Socket, System.Net.Sockets.SocketOptionName.KeepAlive)!);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(15, (int)socket.GetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, System.Net.Sockets.SocketOptionName.TcpKeepAliveTime)!);
            Assert.Equal(5, (int)socket.GetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, System.Net.Sockets.SocketOptionName.TcpKeepAliveInterval)!);
            Assert.Equal(3, (int)socket.GetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, System.Net.Sockets.SocketOptionName.TcpKeepAliveRetryCount)!);
        }
    }

    [Fact]
    public async Task ClosedPort_FailsInOneSentenceNamingTheAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var error = await Assert.ThrowsAsync<KubeException>(() => Connect(KubeConfig($"https://127.0.0.1:{port}", "data")).Api.GetVersionAsync(default));
        Assert.Equal($"Unable to connect to the server https://127.0.0.1:{port}: connection refused (nothing listens at that address)", error.Message);
    }

    /// <summary>One answered request first, so the first TLS handshake of the process (slow on a busy machine) is not what the timed call measures.</summary>
    private async Task WarmUpAsync()
    {
        var server = Serve(IPAddress.Loopback, LoopbackCertificate, TlsServerBehaviour.Answer);
        await Connect(KubeConfig($"https://127.0.0.1:{server.Port}", "data")).Api.GetVersionAsync(default);
    }

    private static async Task ListPods(KubeConnection connection)
    {
        var pods = KindCatalog.Pod.Resource;
        await foreach (var _ in new KubeResourceClient(connection).ListAsync(pods, "default", new ListOptions(), default))
        {
        }
    }
}
