// Starts a sandbox on a fresh data dir, opens W watches on one namespace's ConfigMaps (each its own
// HTTPS connection, as separate kubectl/module processes would), then writes N ConfigMaps and measures
// how fast every event reaches every watcher: delivered events/s, write→delivery latency (p50/p99),
// and the server's resident memory before, with the watchers open, and after the burst.
using System.Diagnostics;
using System.Text;
using System.Text.Json;

var watcherCount = args.Length > 0 ? int.Parse(args[0]) : 100;
var eventCount = args.Length > 1 ? int.Parse(args[1]) : 2000;
var writers = args.Length > 2 ? int.Parse(args[2]) : 4;

using var sandbox = new BenchSandbox("pk8s-watchbench-");
HttpClient NewClient() => sandbox.NewClient(Timeout.InfiniteTimeSpan);

long Rss()
{
    foreach (var line in File.ReadLines($"/proc/{sandbox.Server.Id}/status"))
        if (line.StartsWith("VmRSS:")) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    return 0;
}
static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MiB";

using var setup = NewClient();
(await setup.PostAsync("/api/v1/namespaces", new StringContent("""{"metadata":{"name":"bench"}}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
var list = JsonDocument.Parse(await setup.GetStringAsync("/api/v1/namespaces/bench/configmaps")).RootElement;
var rv = list.GetProperty("metadata").GetProperty("resourceVersion").GetString();
await Task.Delay(500);
var rssIdle = Rss();

var clients = Enumerable.Range(0, watcherCount).Select(_ => NewClient()).ToList();
var received = new long[watcherCount];
var latencies = new List<double>[watcherCount];
var lastDelivery = new long[watcherCount];
var opened = new CountdownEvent(watcherCount);
var clock = Stopwatch.StartNew();
using var stop = new CancellationTokenSource();
var watchers = Enumerable.Range(0, watcherCount).Select(i => Task.Run(async () =>
{
    latencies[i] = new List<double>(eventCount);
    using var req = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/bench/configmaps?watch=true&resourceVersion={rv}");
    using var response = await clients[i].SendAsync(req, HttpCompletionOption.ResponseHeadersRead, stop.Token);
    response.EnsureSuccessStatusCode();
    opened.Signal();
    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
    while (received[i] < eventCount)
    {
        var line = await reader.ReadLineAsync(stop.Token);
        if (line is null) break;
        var now = clock.Elapsed.TotalMilliseconds;
        using var e = JsonDocument.Parse(line);
        var sent = double.Parse(e.RootElement.GetProperty("object").GetProperty("data").GetProperty("sentAtMs").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        latencies[i].Add(now - sent);
        received[i]++;
        lastDelivery[i] = (long)now;
    }
})).ToList();
if (!opened.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("watchers did not open");
await Task.Delay(500);
var rssWatching = Rss();

var firstWrite = clock.Elapsed.TotalMilliseconds;
var writeClients = Enumerable.Range(0, writers).Select(_ => NewClient()).ToList();
var next = -1;
await Task.WhenAll(writeClients.Select(async c =>
{
    int n;
    while ((n = Interlocked.Increment(ref next)) < eventCount)
    {
        var sent = clock.Elapsed.TotalMilliseconds.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
        var body = JsonSerializer.Serialize(new { metadata = new { name = $"cm-{n:D5}" }, data = new { sentAtMs = sent, payload = new string('x', 200) } });
        using var r = await c.PostAsync("/api/v1/namespaces/bench/configmaps", new StringContent(body, Encoding.UTF8, "application/json"));
        r.EnsureSuccessStatusCode();
    }
}));
var writesDone = clock.Elapsed.TotalMilliseconds;
var all = Task.WhenAll(watchers);
if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(120))) != all) throw new TimeoutException("events were not all delivered");
var lastAll = lastDelivery.Max();
var rssAfter = Rss();
stop.Cancel();

var total = received.Sum();
var sorted = latencies.SelectMany(l => l).OrderBy(x => x).ToList();
double Pct(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
var span = (lastAll - firstWrite) / 1000.0;
Console.WriteLine($"watchers: {watcherCount}, events written: {eventCount} ({writers} writers, {eventCount / ((writesDone - firstWrite) / 1000.0):F0} writes/s, each fsynced)");
Console.WriteLine($"delivered: {total} events in {span:F2}s = {total / span:F0} events/s to all watchers ({eventCount / span:F0} per watcher)");
Console.WriteLine($"write→delivery latency: p50 {Pct(0.50):F1} ms, p99 {Pct(0.99):F1} ms, max {sorted[^1]:F1} ms");
Console.WriteLine($"server RSS: idle {Mib(rssIdle)}, {watcherCount} watchers open {Mib(rssWatching)} (+{(rssWatching - rssIdle) / 1024.0 / watcherCount:F0} KiB/watcher), after burst {Mib(rssAfter)}");
foreach (var c in clients.Concat(writeClients)) c.Dispose();
