using System.Threading.Channels;

namespace PracticeK8s.Engine.Exec;

/// <summary>
/// A bounded in-memory pipe: one side writes chunks, the other reads them as a Stream (e.g. exec
/// stdout feeding a tar reader, console keys feeding exec stdin). Writers wait while the pipe is
/// full, so a slow reader slows the sender instead of filling memory.
/// </summary>
public sealed class BytePipe
{
    private readonly Channel<ReadOnlyMemory<byte>> _chunks;

    public BytePipe(int capacityChunks = 64)
    {
        _chunks = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(capacityChunks) { SingleReader = true });
        Reader = new ReadStream(_chunks.Reader);
        Writer = new WriteStream(this);
    }

    /// <summary>The writing end as a Stream (disposing it completes the pipe).</summary>
    public Stream Writer { get; }

    /// <summary>The reading end; reads return 0 once <see cref="Complete"/> was called and everything was read.</summary>
    public Stream Reader { get; }

    /// <summary>Copies the data (the caller may reuse its buffer).</summary>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancel) =>
        data.Length == 0 ? ValueTask.CompletedTask : _chunks.Writer.WriteAsync(data.ToArray(), cancel);

    /// <summary>No more data; an error makes the reader's next read throw it.</summary>
    public void Complete(Exception? error = null) => _chunks.Writer.TryComplete(error);

    private sealed class WriteStream(BytePipe pipe) : Stream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            pipe.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            pipe.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) =>
            pipe.WriteAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                pipe.Complete();
            base.Dispose(disposing);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class ReadStream(ChannelReader<ReadOnlyMemory<byte>> chunks) : Streams.ForwardReadStream
    {
        private ReadOnlyMemory<byte> _current;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_current.IsEmpty)
            {
                if (!await chunks.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                    return 0;
                chunks.TryRead(out _current);
            }
            int n = Math.Min(buffer.Length, _current.Length);
            _current[..n].CopyTo(buffer);
            _current = _current[n..];
            return n;
        }
    }
}
