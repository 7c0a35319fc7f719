using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using PracticeK8s.Sandbox.Networking.Http;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Networking.Pods;

/// <summary>Where one built-in port of a pod listens: a socket in the pod's network namespace, or a unix socket path (host-process mode).</summary>
public sealed record PodPortBinding(BuiltinPort Port, Socket? Socket, string? UnixPath);

/// <summary>
/// The HTTP server of one pod's built-in containers (a small Kestrel server of its own, so servers
/// come and go with pods): every port the pod's built-in images serve, each answered by the
/// container runtime as that image would.
/// </summary>
public sealed class PodHttpServer : IAsyncDisposable
{
    private const string PortItem = "practicek8s.pod-port";
    private readonly SmallHttpServer _server;
    private readonly IReadOnlyList<PodPortBinding> _bindings;
    public string Signature { get; }
    public IEnumerable<string> UnixPaths => _bindings.Where(b => b.UnixPath is not null).Select(b => b.UnixPath!);

    private PodHttpServer(SmallHttpServer server, IReadOnlyList<PodPortBinding> bindings, string signature)
    {
        _server = server;
        _bindings = bindings;
        Signature = signature;
    }

    public static async Task<PodHttpServer> StartAsync(string podUid, IReadOnlyList<PodPortBinding> bindings, string signature, IContainerRuntime runtime)
    {
        var server = await SmallHttpServer.StartAsync(k =>
        {
            foreach (var binding in bindings)
            {
                void Configure(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen)
                {
                    var port = binding.Port.Port;
                    listen.Use(next => connection =>
                    {
                        connection.Items[PortItem] = port;
                        return next(connection);
                    });
                    if (binding.Port.Certificate is { } certificate)
                        listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificateSelector = (_, name) => certificate(name) });
                }
                if (binding.Socket is { } socket) k.ListenHandle((ulong)socket.Handle.ToInt64(), Configure);
                else k.ListenUnixSocket(binding.UnixPath!, Configure);
            }
        }, async ctx =>
        {
            var port = ctx.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(PortItem, out var p) == true ? (int)p! : 0;
            if (!await runtime.ServeHttpAsync(podUid, port, ctx)) ctx.Abort(); // the container stopped serving: as a refused connection
        }, TimeSpan.FromSeconds(1));
        return new PodHttpServer(server, bindings, signature);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var b in _bindings)
        {
            b.Socket?.Dispose();
            if (b.UnixPath is not null) try { File.Delete(b.UnixPath); } catch (IOException) { }
        }
    }
}
