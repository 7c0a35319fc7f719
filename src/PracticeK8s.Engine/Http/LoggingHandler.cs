using System.Diagnostics;
using System.Net.Http;
using System.Text;

namespace PracticeK8s.Engine.Http;

/// <summary>Reports every request (method, URL, status, time) to the verbose stream; headers to debug, secrets redacted.</summary>
internal sealed class LoggingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (RequestLog.Debug is not null)
            RequestLog.WriteDebug(DescribeHeaders(request));
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            RequestLog.WriteVerbose($"{request.Method} {request.RequestUri} {(int)response.StatusCode} {response.ReasonPhrase} in {watch.ElapsedMilliseconds} ms");
            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RequestLog.WriteVerbose($"{request.Method} {request.RequestUri} failed after {watch.ElapsedMilliseconds} ms: {e.Message}");
            throw;
        }
    }

    internal static string DescribeHeaders(HttpRequestMessage request)
    {
        var text = new StringBuilder($"{request.Method} {request.RequestUri}");
        foreach (var (name, values) in request.Headers)
            text.Append("\n  ").Append(name).Append(": ").Append(Redact(name, string.Join(", ", values)));
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
                text.Append("\n  ").Append(name).Append(": ").Append(string.Join(", ", values));
        }
        return text.ToString();
    }

    internal static string Redact(string header, string value) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            ? (value.IndexOf(' ') is var space and > 0 ? value[..space] + " <redacted>" : "<redacted>")
            : value;
}
