using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace PracticeK8s.Engine.Http;

/// <summary>
/// When a request may be sent again (at most 3 more times, with capped exponential back-off or the
/// server's Retry-After, within the request timeout). Reads (GET, HEAD) are retried on a transport
/// failure before an answer other than a refused TLS handshake (no new attempt once <see cref="MaxElapsed"/> has gone by), on 429 and
/// 503, and on any other 5xx that carries Retry-After (client-go's rule: the server asks to be asked
/// again). Writes are retried only when the server cannot have applied them: a refused connection or 429.
/// </summary>
public sealed class RetryPolicy
{
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>No new attempt after a transport failure once this much time has gone by (a dead server must fail fast).</summary>
    public TimeSpan MaxElapsed { get; init; } = TimeSpan.FromSeconds(3);

    public static RetryPolicy Default { get; } = new();

    public static bool IsRead(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

    public bool ShouldRetry(HttpMethod method, HttpStatusCode status, bool hasRetryAfter = false)
    {
        if (status == HttpStatusCode.TooManyRequests)
            return true;
        if (!IsRead(method) || (int)status < 500 || (int)status > 599)
            return false;
        return status == HttpStatusCode.ServiceUnavailable || hasRetryAfter;
    }

    public bool ShouldRetry(HttpMethod method, Exception error)
    {
        // A refused certificate is refused again: never retried.
        if (error.InnerException is System.Security.Authentication.AuthenticationException)
            return false;
        if (IsRead(method))
            return error is HttpRequestException;
        // A refused connection never reached the server.
        return error is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } };
    }

    /// <summary>Capped exponential back-off; a server's Retry-After wins when it asks for longer.</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var backoff = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (1L << Math.Min(attempt - 1, 16))));
        if (retryAfter is { } asked && asked > backoff)
            return asked < MaxDelay * 2 ? asked : MaxDelay * 2;
        return backoff;
    }
}
