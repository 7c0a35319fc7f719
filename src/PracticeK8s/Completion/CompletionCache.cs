using System.Collections.Concurrent;

namespace PracticeK8s.Completion;

/// <summary>
/// Names fetched for tab completion, kept for a few seconds. A fetch is bounded by a short timeout;
/// on failure or timeout completion gets nothing (never an exception, never a hung prompt), and
/// while a refresh runs the stale list is served.
/// </summary>
internal static class CompletionCache
{
    private sealed record Entry(DateTime Fetched, Task<IReadOnlyList<string>> Names);

    private static readonly ConcurrentDictionary<string, Entry> s_entries = new();

    public static TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(10);
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1.5);

    public static IReadOnlyList<string> Get(string key, Func<CancellationToken, Task<IReadOnlyList<string>>> fetch, TimeSpan? wait = null)
    {
        var now = DateTime.UtcNow;
        if (s_entries.TryGetValue(key, out var entry))
        {
            if (now - entry.Fetched > Lifetime && entry.Names.IsCompleted)
                s_entries[key] = Start(fetch, now);
            if (entry.Names.IsCompletedSuccessfully)
                return entry.Names.Result;
        }
        else
        {
            entry = s_entries.GetOrAdd(key, _ => Start(fetch, now));
        }
        try
        {
            return entry.Names.Wait(wait ?? Timeout) && entry.Names.IsCompletedSuccessfully ? entry.Names.Result : [];
        }
        catch
        {
            return [];
        }
    }

    private static Entry Start(Func<CancellationToken, Task<IReadOnlyList<string>>> fetch, DateTime now)
    {
        var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var task = Task.Run(async () =>
        {
            try { return await fetch(cancel.Token).ConfigureAwait(false); }
            catch { return (IReadOnlyList<string>)[]; }
            finally { cancel.Dispose(); }
        });
        return new Entry(now, task);
    }

    public static void Clear() => s_entries.Clear();
}
