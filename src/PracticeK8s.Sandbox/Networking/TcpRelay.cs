using System.Net.Sockets;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>Copies bytes both ways between two connections until both sides are done (a half-close is passed on).</summary>
public static class TcpRelay
{
    public static async Task PumpAsync(Stream client, Stream backend, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var up = CopyAsync(client, backend, both.Token);
        var down = CopyAsync(backend, client, both.Token);
        var first = await Task.WhenAny(up, down);
        if (!await first) both.Cancel(); // one side failed: end the other too
        await Task.WhenAll(up, down);
    }

    /// <summary>Copies to the end, then shuts down sending on the target; false when the copy failed.</summary>
    private static async Task<bool> CopyAsync(Stream from, Stream to, CancellationToken ct)
    {
        try
        {
            await from.CopyToAsync(to, 16384, ct);
            if (to is NetworkStream ns) ns.Socket.Shutdown(SocketShutdown.Send);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
    }
}
