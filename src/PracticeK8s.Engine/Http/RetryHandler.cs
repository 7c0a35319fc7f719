using System.Net.Http;
using System.Net.Http.Headers;

namespace PracticeK8s.Engine.Http;

/// <summary>Applies <see cref="RetryPolicy"/>; request bodies are buffered so they can be sent again.</summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly RetryPolicy _policy;

    public RetryHandler(RetryPolicy policy) => _policy = policy;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Upgrades (exec, attach) and streaming bodies are never repeated.
        if (request.Headers.Upgrade.Count > 0)
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var contentHeaders = request.Content?.Headers.ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (int attempt = 1; ; attempt++)
        {
            var current = attempt == 1 ? request : Clone(request, body, contentHeaders);
            if (attempt == 1 && body is not null)
                current.Content = WithBody(body, contentHeaders);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < _policy.MaxAttempts && started.Elapsed < _policy.MaxElapsed
                && !cancellationToken.IsCancellationRequested && _policy.ShouldRetry(request.Method, e))
            {
                var delay = _policy.Delay(attempt, null);
                RequestLog.WriteVerbose($"{request.Method} {request.RequestUri}: {e.Message}; retry {attempt} of {_policy.MaxAttempts - 1} in {delay.TotalMilliseconds:0} ms");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (attempt < _policy.MaxAttempts && _policy.ShouldRetry(request.Method, response.StatusCode, response.Headers.RetryAfter is not null))
            {
                var delay = _policy.Delay(attempt, RetryAfter(response.Headers.RetryAfter));
                RequestLog.WriteVerbose($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {response.ReasonPhrase}; retry {attempt} of {_policy.MaxAttempts - 1} in {delay.TotalMilliseconds:0} ms");
                response.Dispose();
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }
            return response;
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body, List<KeyValuePair<string, IEnumerable<string>>>? contentHeaders)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var (name, values) in request.Headers)
            clone.Headers.TryAddWithoutValidation(name, values);
        foreach (var option in request.Options)
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        if (body is not null)
            clone.Content = WithBody(body, contentHeaders);
        return clone;
    }

    private static ByteArrayContent WithBody(byte[] body, List<KeyValuePair<string, IEnumerable<string>>>? headers)
    {
        var content = new ByteArrayContent(body);
        if (headers is not null)
        {
            foreach (var (name, values) in headers)
            {
                if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    content.Headers.TryAddWithoutValidation(name, values);
            }
        }
        return content;
    }
}
