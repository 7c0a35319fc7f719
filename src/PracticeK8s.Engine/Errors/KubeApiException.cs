using System.Management.Automation;
using System.Net;
using System.Text.Json;

namespace PracticeK8s.Engine.Errors;

/// <summary>A non-success answer of the API server, with its Status object when it sent one.</summary>
public sealed class KubeApiException : KubeException
{
    public KubeApiException(HttpStatusCode statusCode, string? reason, string message, string method, string path,
        StatusDetails? details = null, TimeSpan? retryAfter = null)
        : base(message, ErrorIdFor((int)statusCode, reason), CategoryFor((int)statusCode, reason))
    {
        StatusCode = statusCode;
        Reason = reason;
        Method = method;
        Path = path;
        Details = details;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }
    public string? Reason { get; }
    public string Method { get; }
    public string Path { get; }
    public StatusDetails? Details { get; }
    public TimeSpan? RetryAfter { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict && Reason != "AlreadyExists";
    public bool IsAlreadyExists => Reason == "AlreadyExists";
    public bool IsGone => StatusCode == HttpStatusCode.Gone;

    internal static string ErrorIdFor(int code, string? reason) => (code, reason) switch
    {
        (404, _) => "KubeObjectNotFound",
        (409, "AlreadyExists") => "KubeAlreadyExists",
        (409, _) => "KubeConflict",
        (400, _) or (422, _) => "KubeInvalid",
        (401, _) => "KubeUnauthorized",
        (403, _) => "KubeForbidden",
        (405, _) => "KubeMethodNotAllowed",
        (410, _) => "KubeExpired",
        (415, _) => "KubeUnsupportedMediaType",
        (429, _) => "KubeTooManyRequests",
        (504, _) => "KubeTimeout",
        (>= 500, _) => "KubeServerError",
        _ => "KubeApiError",
    };

    internal static ErrorCategory CategoryFor(int code, string? reason) => (code, reason) switch
    {
        (404, _) => ErrorCategory.ObjectNotFound,
        (409, "AlreadyExists") => ErrorCategory.ResourceExists,
        (409, _) => ErrorCategory.InvalidOperation,
        (400, _) or (422, _) or (415, _) => ErrorCategory.InvalidData,
        (401, _) => ErrorCategory.AuthenticationError,
        (403, _) => ErrorCategory.PermissionDenied,
        (405, _) => ErrorCategory.InvalidOperation,
        (410, _) => ErrorCategory.InvalidOperation,
        (429, _) => ErrorCategory.LimitsExceeded,
        (504, _) => ErrorCategory.OperationTimeout,
        (>= 500, _) => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>Builds the exception from a response body; falls back to kubectl's wording when the body is not a Status.</summary>
    public static KubeApiException FromResponse(HttpStatusCode code, string? body, string method, string path, TimeSpan? retryAfter)
    {
        string? reason = null, message = null;
        StatusDetails? details = null;
        if (!string.IsNullOrWhiteSpace(body) && body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.TryGetProperty("kind", out var kind) && kind.GetString() == "Status")
                {
                    reason = root.TryGetProperty("reason", out var r) ? r.GetString() : null;
                    message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
                    if (root.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object)
                        details = StatusDetails.From(d);
                }
            }
            catch (JsonException)
            {
                // not a Status: fall through to the generic message
            }
        }
        message ??= (int)code switch
        {
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "the server could not find the requested resource",
            _ => string.IsNullOrWhiteSpace(body)
                ? $"the server rejected our request for an unknown reason (HTTP {(int)code} {code})"
                : $"the server responded with HTTP {(int)code} {code}: {Truncate(body.Trim(), 400)}",
        };
        reason ??= ReasonFor((int)code);
        if (details?.RetryAfterSeconds is int seconds && retryAfter is null)
            retryAfter = TimeSpan.FromSeconds(seconds);
        return new KubeApiException(code, reason, message, method, path, details, retryAfter);
    }

    private static string ReasonFor(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        410 => "Expired",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}

/// <summary>The details block of a Status: what the error is about and why, field by field.</summary>
public sealed record StatusDetails(string? Name, string? Group, string? Kind, int? RetryAfterSeconds,
    IReadOnlyList<StatusCause> Causes)
{
    internal static StatusDetails From(JsonElement d)
    {
        var causes = new List<StatusCause>();
        if (d.TryGetProperty("causes", out var cs) && cs.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in cs.EnumerateArray())
            {
                causes.Add(new StatusCause(
                    c.TryGetProperty("reason", out var r) ? r.GetString() : null,
                    c.TryGetProperty("message", out var m) ? m.GetString() : null,
                    c.TryGetProperty("field", out var f) ? f.GetString() : null));
            }
        }
        return new StatusDetails(
            d.TryGetProperty("name", out var n) ? n.GetString() : null,
            d.TryGetProperty("group", out var g) ? g.GetString() : null,
            d.TryGetProperty("kind", out var k) ? k.GetString() : null,
            d.TryGetProperty("retryAfterSeconds", out var ra) && ra.TryGetInt32(out var sec) ? sec : null,
            causes);
    }
}

public sealed record StatusCause(string? Reason, string? Message, string? Field);
