using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>
/// Plain TCP listeners on a set of addresses (or on given listening sockets), each accepted
/// connection handed to one handler. Addresses that cannot be bound are skipped.
/// </summary>
public sealed class TcpListenerSet : IAsyncDisposable
{
    private readonly List<Socket> _sockets;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = new();
    public IReadOnlyList<EndPoint> Endpoints { get; }

    private TcpListenerSet(List<Socket> sockets, Func<Socket, CancellationToken, Task> handler, ILogger log)
    {
        _sockets = sockets;
        Endpoints = sockets.Select(s => s.LocalEndPoint!).ToList();
        foreach (var s in sockets) _loops.Add(AcceptLoop(s, handler, log));
    }

    public static TcpListenerSet? Bind(IEnumerable<IPEndPoint> wanted, Func<Socket, CancellationToken, Task> handler, ILogger log)
    {
        var sockets = new List<Socket>();
        foreach (var endpoint in wanted)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(endpoint);
                socket.Listen(128);
                sockets.Add(socket);
            }
            catch (SocketException) { socket.Dispose(); }
        }
        return sockets.Count == 0 ? null : new TcpListenerSet(sockets, handler, log);
    }

    /// <summary>Serves already-listening sockets (made in the cluster network); they are closed with the set.</summary>
    public static TcpListenerSet Serve(IReadOnlyList<Socket> listening, Func<Socket, CancellationToken, Task> handler, ILogger log) =>
        new(listening.ToList(), handler, log);

    private async Task AcceptLoop(Socket listener, Func<Socket, CancellationToken, Task> handler, ILogger log)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await listener.AcceptAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException e)
            {
                if (_stop.IsCancellationRequested) return;
                log.LogWarning("accept on {Endpoint}: {Message}", listener.LocalEndPoint, e.Message);
                await Task.Delay(100);
                continue;
            }
            client.NoDelay = true;
            _ = Task.Run(async () =>
            {
                try { await handler(client, _stop.Token); }
                catch (Exception e) when (e is not OutOfMemoryException) { log.LogDebug(e, "connection"); }
                finally { client.Dispose(); }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        foreach (var s in _sockets) s.Dispose();
        await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
