using System.Net;
using System.Net.Http;

namespace PracticeK8s.Engine.Http;

/// <summary>
/// A response body read incrementally (a list page, a log) under the request's deadline: a read
/// that outlasts it, or a connection cut mid-body, fails with an error naming the request and the
/// server instead of hanging or surfacing a bare IOException. Owns the deadline's token source.
/// </summary>
internal sealed class DeadlineContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly CancellationTokenSource _deadline;
    private readonly Func<Exception, Exception> _timedOut;
    private readonly Func<Exception, Exception> _broken;

    /// <param name="timedOut">The error for a read that outlasted the deadline, from its cause.</param>
    /// <param name="broken">The error for a connection that broke mid-body, from its cause.</param>
    public DeadlineContent(HttpContent inner, CancellationTokenSource deadline, Func<Exception, Exception> timedOut, Func<Exception, Exception> broken)
    {
        _inner = inner;
        _deadline = deadline;
        _timedOut = timedOut;
        _broken = broken;
        foreach (var (name, values) in inner.Headers)
            Headers.TryAddWithoutValidation(name, values);
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new DeadlineStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), this);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var body = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _deadline.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class DeadlineStream : Streams.ForwardReadStream
    {
        private readonly Stream _inner;
        private readonly DeadlineContent _owner;

        public DeadlineStream(Stream inner, DeadlineContent owner)
        {
            _inner = inner;
            _owner = owner;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var deadline = _owner._deadline.Token;
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
            try
            {
                return await _inner.ReadAsync(buffer, both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw _owner._timedOut(e);
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw _owner._broken(e);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
