using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PracticeK8s.Sandbox.Networking.Http;

/// <summary>
/// A small Kestrel server of its own for listeners that come and go with cluster objects (a pod's
/// built-in ports, a Gateway's port): no logging, no Server header, one request handler.
/// </summary>
public sealed class SmallHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _stopTimeout;

    private SmallHttpServer(WebApplication app, TimeSpan stopTimeout)
    {
        _app = app;
        _stopTimeout = stopTimeout;
    }

    /// <summary>Starts listening where <paramref name="listen"/> says; throws (leaving nothing behind) when a listener cannot be bound.</summary>
    public static async Task<SmallHttpServer> StartAsync(Action<KestrelServerOptions> listen, RequestDelegate handler, TimeSpan stopTimeout)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Hosting.HostArguments.NoConfigReload });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = stopTimeout);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            listen(k);
        });
        var app = builder.Build();
        app.Run(handler);
        try { await app.StartAsync(); }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new SmallHttpServer(app, stopTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        try { await _app.StopAsync(_stopTimeout); }
        catch (OperationCanceledException) { }
        await _app.DisposeAsync();
    }
}
