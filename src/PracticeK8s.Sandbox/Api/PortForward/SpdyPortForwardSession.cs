using System.Net.Sockets;
using System.Text;
using PracticeK8s.Sandbox.Api.Streaming.Spdy;

namespace PracticeK8s.Sandbox.Api.PortForward;

/// <summary>
/// Port-forward over SPDY, as the kubelet serves it to kubectl: for each forwarded connection the
/// client opens an error stream and a data stream with the same <c>requestID</c> (and the remote
/// <c>port</c>); once both are there the pod's port is dialed, bytes copied both ways (a client FIN
/// half-closes toward the pod), and both streams end with FIN when the pod's side ends. Failures go
/// to the error stream as text.
/// </summary>
public sealed class SpdyPortForwardSession(PodPortDialer dialer)
{
    /// <summary>How long the first stream of a pair waits for its partner.</summary>
    public static readonly TimeSpan PairTimeout = TimeSpan.FromSeconds(30);
    private const int ReadChunk = 32 * 1024;

    private readonly Dictionary<string, Pair> _pending = new();

    private sealed class Pair
    {
        public SpdyStream? Error, Data;
    }

    public async Task OnStream(SpdyStream stream)
    {
        var type = stream.Header("streamtype");
        if (type is not ("error" or "data"))
        {
            await stream.ResetAsync(SpdyRstStatus.ProtocolError, CancellationToken.None);
            return;
        }
        // Clients before requestID existed pair a data stream with the error stream opened just before it.
        var requestId = stream.Header("requestid") ?? (type == "error" ? stream.Id : stream.Id - 2).ToString();
        Pair? complete = null;
        bool duplicate;
        lock (_pending)
        {
            if (!_pending.TryGetValue(requestId, out var pair)) _pending[requestId] = pair = new Pair();
            duplicate = (type == "error" ? pair.Error : pair.Data) is not null;
            if (!duplicate)
            {
                if (type == "error") pair.Error = stream; else pair.Data = stream;
                if (pair.Error is not null && pair.Data is not null)
                {
                    _pending.Remove(requestId);
                    complete = pair;
                }
            }
        }
        if (duplicate)
        {
            await stream.ResetAsync(SpdyRstStatus.ProtocolError, CancellationToken.None);
            return;
        }
        if (complete is not null)
        {
            await Forward(complete.Error!, complete.Data!);
            return;
        }
        // Alone so far: give up on it if its partner never comes.
        try { await Task.Delay(PairTimeout, stream.Reset); }
        catch (OperationCanceledException) { }
        lock (_pending)
        {
            if (!_pending.TryGetValue(requestId, out var pair) || (pair.Error != stream && pair.Data != stream)) return;
            _pending.Remove(requestId);
        }
        await stream.ResetAsync(SpdyRstStatus.Cancel, CancellationToken.None);
    }

    private async Task Forward(SpdyStream error, SpdyStream data)
    {
        var ct = data.Reset;
        try
        {
            var portText = data.Header("port");
            if (!ushort.TryParse(portText, out var port) || port == 0)
            {
                await Fail(error, data, $"encountered parsing error: unable to parse \"{portText}\" as a port");
                return;
            }
            var (pod, failure) = await dialer.ConnectAsync(port, ct);
            if (pod is null)
            {
                await Fail(error, data, failure!);
                return;
            }
            await using (pod)
            {
                var toPod = ClientToPod(data, pod, ct);
                await PodToClient(pod, data, ct);
                await data.CloseWriteAsync(CancellationToken.None);
                await error.CloseWriteAsync(CancellationToken.None);
                // The client's side may still be sending; it ends at its FIN or reset, or when the pod closes.
                await toPod.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    private static async Task Fail(SpdyStream error, SpdyStream data, string message)
    {
        await error.WriteAsync(Encoding.UTF8.GetBytes(message), CancellationToken.None);
        await error.CloseWriteAsync(CancellationToken.None);
        await data.CloseWriteAsync(CancellationToken.None);
    }

    private static async Task ClientToPod(SpdyStream data, Stream pod, CancellationToken ct)
    {
        try
        {
            await data.Input.CopyToAsync(pod, ct);
            if (pod is NetworkStream network) network.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    private static async Task PodToClient(Stream pod, SpdyStream data, CancellationToken ct)
    {
        var frame = new byte[SpdyFrame.HeaderLength + ReadChunk];
        try
        {
            while (true)
            {
                var n = await pod.ReadAsync(frame.AsMemory(SpdyFrame.HeaderLength, ReadChunk), ct);
                if (n == 0) return;
                await data.WriteFrameAsync(frame, n, ct);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException) { }
    }
}
