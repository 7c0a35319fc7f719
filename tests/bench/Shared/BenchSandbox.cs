// Shared by the benchmark programs: a sandbox server process on a fresh data dir, and HTTPS clients
// that trust its CA and carry its admin token.
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

public sealed class BenchSandbox : IDisposable
{
    private readonly string _dir;
    private readonly X509Certificate2 _ca;
    private readonly string _token;

    public Process Server { get; }
    public Uri Url { get; }

    public BenchSandbox(string dirPrefix)
    {
        _dir = Path.Combine(Path.GetTempPath(), dirPrefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "PracticeK8s.Sandbox.dll"), "--data-dir", _dir, "--port", "0" }) psi.ArgumentList.Add(a);
        Server = Process.Start(psi)!;
        try
        {
            var ready = Path.Combine(_dir, "sandbox.json");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(ready))
            {
                if (Server.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException("sandbox did not start");
                Thread.Sleep(50);
            }
            var info = JsonDocument.Parse(File.ReadAllText(ready)).RootElement;
            Url = new Uri(info.GetProperty("url").GetString()!);
            _token = info.GetProperty("adminToken").GetString()!;
            _ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_dir, "ca.crt")));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>A client with its own connection pool (as a separate kubectl or module process would have).</summary>
    public HttpClient NewClient(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(_ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return cert is not null && chain.Build(new X509Certificate2(cert));
                },
            },
        };
        var c = new HttpClient(handler) { BaseAddress = Url, Timeout = timeout };
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return c;
    }

    public void Dispose()
    {
        if (!Server.HasExited) Server.Kill(true);
        Server.WaitForExit(10_000);
        Server.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
