using System.Threading.Channels;

namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>
/// Reads a process's stdout and stderr pipes and hands the chunks on in the order the reads
/// returned, one at a time. Each pipe has a thread blocked in read(2) that queues what it got the
/// moment the call returns; a single consumer forwards the queue. (Two asynchronous pumps let
/// thread-pool scheduling reorder a stderr chunk before a stdout chunk read earlier.) Chunks the
/// process wrote to both pipes before either read returned cannot be ordered by anyone: pipes keep
/// no time stamps, and a node's runtime has the same limit.
/// </summary>
internal sealed class OrderedOutputReader
{
    private const int ChunkSize = 16384;
    private readonly Channel<(OutputStream Kind, byte[] Data)> _queue =
        Channel.CreateBounded<(OutputStream, byte[])>(new BoundedChannelOptions(64) { SingleReader = true });
    private readonly object _order = new();
    private int _open = 2;

    /// <summary>Completes when both pipes ended and everything read was handed on (or <paramref name="stop"/> fired).</summary>
    public Task Completion { get; }

    public OrderedOutputReader(Stream stdout, Stream stderr, Func<OutputStream, ReadOnlyMemory<byte>, ValueTask> output, CancellationToken stop)
    {
        StartThread(stdout, OutputStream.Stdout, stop);
        StartThread(stderr, OutputStream.Stderr, stop);
        Completion = ForwardAsync(output, stop);
    }

    private void StartThread(Stream pipe, OutputStream kind, CancellationToken stop)
    {
        var thread = new Thread(() => ReadLoop(pipe, kind, stop)) { IsBackground = true, Name = $"output {kind}" };
        thread.Start();
    }

    private void ReadLoop(Stream pipe, OutputStream kind, CancellationToken stop)
    {
        var buffer = new byte[ChunkSize];
        try
        {
            int n;
            while (!stop.IsCancellationRequested && (n = pipe.Read(buffer, 0, buffer.Length)) > 0)
            {
                var chunk = buffer.AsSpan(0, n).ToArray();
                // Queued under one lock so the queue order is the order the reads returned.
                while (true)
                {
                    lock (_order)
                        if (_queue.Writer.TryWrite((kind, chunk))) break;
                    if (!_queue.Writer.WaitToWriteAsync(stop).AsTask().GetAwaiter().GetResult()) return;
                }
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        catch (OperationCanceledException) { }
        finally
        {
            if (Interlocked.Decrement(ref _open) == 0) _queue.Writer.TryComplete();
        }
    }

    private async Task ForwardAsync(Func<OutputStream, ReadOnlyMemory<byte>, ValueTask> output, CancellationToken stop)
    {
        try
        {
            await foreach (var (kind, data) in _queue.Reader.ReadAllAsync(stop))
                await output(kind, data);
        }
        catch (OperationCanceledException) { }
    }
}
