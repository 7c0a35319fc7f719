using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Api.Faults;

/// <summary>
/// The active fault rules and their effect on requests. The first matching rule with requests left
/// applies; rules that have used up their count disappear.
/// </summary>
public sealed class FaultInjector
{
    private const string WatchLimitKey = "practicek8s.fault.watch-limit";
    private readonly object _lock = new();
    private readonly List<FaultRule> _rules = new();
    private int _nextId;

    public IReadOnlyList<FaultRule> Rules { get { lock (_lock) return _rules.ToList(); } }

    public FaultRule Add(FaultRule rule)
    {
        lock (_lock)
        {
            var added = rule with { Id = (++_nextId).ToString(), Hits = 0 };
            _rules.Add(added);
            return added;
        }
    }

    public bool Remove(string id)
    {
        lock (_lock) return _rules.RemoveAll(r => r.Id == id) > 0;
    }

    public void Clear()
    {
        lock (_lock) _rules.Clear();
    }

    /// <summary>Takes one use of the first rule matching the request, or null.</summary>
    private FaultRule? Take(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var isWatch = QueryBoolean.Parse(request.Query["watch"]);
        lock (_lock)
        {
            for (int i = 0; i < _rules.Count; i++)
            {
                var r = _rules[i];
                if (!path.StartsWith(r.PathPrefix, StringComparison.Ordinal)) continue;
                if (r.Methods is { Length: > 0 } m && !m.Contains(request.Method, StringComparer.OrdinalIgnoreCase)) continue;
                if ((r.WatchOnly || r.Kind == FaultRule.DropWatch) && !isWatch) continue;
                var used = r with { Hits = r.Hits + 1 };
                if (r.Count is { } c && used.Hits >= c) _rules.RemoveAt(i);
                else _rules[i] = used;
                return used;
            }
        }
        return null;
    }

    /// <summary>Applies a matching fault. True when the request has been answered (or dropped) and must not be served.</summary>
    public async Task<bool> ApplyAsync(HttpContext ctx)
    {
        if (Take(ctx.Request) is not { } rule) return false;
        switch (rule.Kind)
        {
            case FaultRule.Delay:
                await Task.Delay(rule.DelayMs, ctx.RequestAborted);
                return false;
            case FaultRule.Status:
                await Respond.Error(ctx, Error(rule));
                return true;
            case FaultRule.DropWatch:
            {
                var limit = new CancellationTokenSource(rule.DelayMs);
                ctx.Response.RegisterForDispose(limit);
                ctx.Items[WatchLimitKey] = limit.Token;
                return false;
            }
            case FaultRule.Reset:
                if (rule.DelayMs == 0)
                {
                    ctx.Abort();
                    return true;
                }
                _ = Task.Delay(rule.DelayMs).ContinueWith(_ => ctx.Abort(), TaskScheduler.Default);
                return false;
            default:
                return false;
        }
    }

    /// <summary>The token that ends this request's watch early (a dropWatch fault), or none.</summary>
    public static CancellationToken WatchLimit(HttpContext ctx) =>
        ctx.Items.TryGetValue(WatchLimitKey, out var t) && t is CancellationToken token ? token : CancellationToken.None;

    private static ApiException Error(FaultRule rule)
    {
        var (reason, message) = rule.StatusCode switch
        {
            429 => ("TooManyRequests", "Too many requests, please try again later."),
            500 => ("InternalError", "Internal error occurred: injected fault"),
            503 => ("ServiceUnavailable", "The server is currently unable to handle the request"),
            504 => ("Timeout", "Timeout: request did not complete within the allowed duration"),
            _ => ("InternalError", $"injected fault {rule.StatusCode}"),
        };
        return new ApiException(rule.StatusCode, reason, message) { RetryAfterSeconds = rule.RetryAfterSeconds };
    }
}
