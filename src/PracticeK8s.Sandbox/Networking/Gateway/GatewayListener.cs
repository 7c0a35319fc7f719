using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Networking.Http;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>
/// The socket behind one port of a Gateway address: a small Kestrel server of its own (so listeners
/// come and go with Gateways), plain HTTP or, for HTTPS listeners, TLS with the certificate that
/// fits the client's SNI name best.
/// </summary>
public sealed class GatewayListener : IAsyncDisposable
{
    private readonly SmallHttpServer _server;

    private GatewayListener(SmallHttpServer server) => _server = server;

    /// <param name="certificates">hostname pattern -> certificate for HTTPS; null for plain HTTP.</param>
    public static async Task<GatewayListener?> StartAsync(IPEndPoint endpoint, IReadOnlyList<(string Hostname, X509Certificate2 Certificate)>? certificates,
        RequestDelegate handler)
    {
        if (!LoadBalancerAddresses.CanListen(endpoint.Address.ToString(), endpoint.Port)) return null;
        try
        {
            return new GatewayListener(await SmallHttpServer.StartAsync(k => k.Listen(endpoint, o =>
            {
                if (certificates is { Count: > 0 })
                    o.UseHttps(h => h.ServerCertificateSelector = (_, sni) => Select(certificates, sni));
            }), handler, TimeSpan.FromSeconds(2)));
        }
        catch (IOException)
        {
            return null; // taken between the probe and the bind: tried again on a later pass
        }
    }

    private static X509Certificate2 Select(IReadOnlyList<(string Hostname, X509Certificate2 Certificate)> certificates, string? sni) =>
        certificates.Where(c => Hostnames.Matches(c.Hostname, sni ?? "")).OrderByDescending(c => Hostnames.Specificity(c.Hostname))
            .Select(c => c.Certificate).FirstOrDefault() ?? certificates[0].Certificate;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
