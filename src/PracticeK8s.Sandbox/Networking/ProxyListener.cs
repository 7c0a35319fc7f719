using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// An HTTP listener for one Service port on a set of local addresses (a small Kestrel server of its
/// own, so listeners come and go with Services). Addresses that cannot be bound are skipped.
/// </summary>
public sealed class ProxyListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    public IReadOnlyList<IPEndPoint> Endpoints { get; }

    private ProxyListener(WebApplication app, IReadOnlyList<IPEndPoint> endpoints)
    {
        _app = app;
        Endpoints = endpoints;
    }

    public static async Task<ProxyListener?> StartAsync(IEnumerable<IPEndPoint> wanted, RequestDelegate handler, CancellationToken cancellationToken)
    {
        var endpoints = wanted.Where(e => LoadBalancerAddresses.CanListen(e.Address.ToString(), e.Port)).ToList();
        if (endpoints.Count == 0) return null;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            foreach (var e in endpoints) k.Listen(e);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(handler);
        try { await app.StartAsync(cancellationToken); }
        catch (IOException)
        {
            await app.DisposeAsync(); // taken between the probe and the bind: tried again on the next pass
            return null;
        }
        return new ProxyListener(app, endpoints);
    }

    public async ValueTask DisposeAsync()
    {
        try { await _app.StopAsync(TimeSpan.FromSeconds(2)); }
        catch (OperationCanceledException) { }
        await _app.DisposeAsync();
    }
}
