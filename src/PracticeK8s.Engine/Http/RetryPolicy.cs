using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace PracticeK8s.Engine.Http;

/// <summary>
/// When a request may be sent again. Reads are retried on connection failures and on 429/503;
/// writes only when the server cannot have applied them (refused connection, 429).
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

    public bool ShouldRetry(HttpMethod method, HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (status == HttpStatusCode.ServiceUnavailable && IsRead(method));

    public bool ShouldRetry(HttpMethod method, Exception error)
    {
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
