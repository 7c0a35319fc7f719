using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>
/// The socket behind one port of a Gateway address: a small Kestrel server of its own (so listeners
/// come and go with Gateways), plain HTTP or, for HTTPS listeners, TLS with the certificate that
/// fits the client's SNI name best.
/// </summary>
public sealed class GatewayListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayListener(WebApplication app) => _app = app;

    /// <param name="certificates">hostname pattern -> certificate for HTTPS; null for plain HTTP.</param>
    public static async Task<GatewayListener?> StartAsync(IPEndPoint endpoint, IReadOnlyList<(string Hostname, X509Certificate2 Certificate)>? certificates,
        RequestDelegate handler)
    {
        if (!LoadBalancerAddresses.CanListen(endpoint.Address.ToString(), endpoint.Port)) return null;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(endpoint, o =>
            {
                if (certificates is { Count: > 0 })
                    o.UseHttps(h => h.ServerCertificateSelector = (_, sni) => Select(certificates, sni));
            });
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(handler);
        try { await app.StartAsync(); }
        catch (IOException)
        {
            await app.DisposeAsync(); // taken between the probe and the bind: tried again on a later pass
            return null;
        }
        return new GatewayListener(app);
    }

    private static X509Certificate2 Select(IReadOnlyList<(string Hostname, X509Certificate2 Certificate)> certificates, string? sni) =>
        certificates.Where(c => Hostnames.Matches(c.Hostname, sni ?? "")).OrderByDescending(c => Hostnames.Specificity(c.Hostname))
            .Select(c => c.Certificate).FirstOrDefault() ?? certificates[0].Certificate;

    public async ValueTask DisposeAsync()
    {
        try { await _app.StopAsync(TimeSpan.FromSeconds(2)); }
        catch (OperationCanceledException) { }
        await _app.DisposeAsync();
    }
}
