using System.Text.Json.Serialization;

namespace PracticeK8s.Sandbox.Api.Faults;

/// <summary>
/// One fault to inject into matching API requests (path prefix, optional methods, optionally only
/// watches), for <see cref="Count"/> requests (null: until removed):
/// <list type="bullet">
/// <item><c>delay</c>: wait <see cref="DelayMs"/> before serving the request normally;</item>
/// <item><c>status</c>: answer <see cref="Status"/> (429, 500, 503, ...) as a Status error, with Retry-After when <see cref="RetryAfterSeconds"/> is set;</item>
/// <item><c>dropWatch</c>: serve a watch, then end it cleanly after <see cref="DelayMs"/>;</item>
/// <item><c>reset</c>: abort the connection (after <see cref="DelayMs"/>, mid-response for streams) without an answer.</item>
/// </list>
/// </summary>
public sealed record FaultRule
{
    public const string Delay = "delay", Status = "status", DropWatch = "dropWatch", Reset = "reset";

    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("pathPrefix")] public string PathPrefix { get; init; } = "/";
    [JsonPropertyName("methods")] public string[]? Methods { get; init; }
    [JsonPropertyName("watchOnly")] public bool WatchOnly { get; init; }
    [JsonPropertyName("kind")] public string Kind { get; init; } = Status;
    [JsonPropertyName("status")] public int StatusCode { get; init; } = 503;
    [JsonPropertyName("retryAfterSeconds")] public int? RetryAfterSeconds { get; init; }
    [JsonPropertyName("delayMs")] public int DelayMs { get; init; }
    [JsonPropertyName("count")] public int? Count { get; init; }
    /// <summary>How many requests the rule has affected so far.</summary>
    [JsonPropertyName("hits")] public int Hits { get; init; }

    public string? Validate()
    {
        if (Kind is not (Delay or Status or DropWatch or Reset)) return $"kind must be one of {Delay}, {Status}, {DropWatch}, {Reset}";
        if (!PathPrefix.StartsWith('/')) return "pathPrefix must start with /";
        if (Kind == Status && StatusCode is < 400 or > 599) return "status must be an HTTP error code (400-599)";
        if (DelayMs < 0 || DelayMs > 600_000) return "delayMs must be 0..600000";
        if (Count is <= 0) return "count must be positive";
        return null;
    }
}
