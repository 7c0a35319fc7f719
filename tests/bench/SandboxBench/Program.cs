// Starts a sandbox on a fresh data dir, creates 1,000 pods, then measures requests per second
// (N concurrent HTTPS clients for a fixed time) for: GET one pod, LIST 1,000 pods as JSON, and
// LIST 1,000 pods as a Table (what `kubectl get pods` asks for).
using System.Diagnostics;
using System.Text;
using System.Text.Json;

var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var workers = args.Length > 1 ? int.Parse(args[1]) : 4;
const int PodCount = 1000;

using var sandbox = new BenchSandbox("pk8s-bench-");
HttpClient NewClient() => sandbox.NewClient(TimeSpan.FromSeconds(60));

using var setup = NewClient();
// The pods stay Pending (no node matches): the kubelets do not run 1,000 containers, and pod
// garbage collection leaves them alone (it removes pods bound to nodes that do not exist).
var created = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, PodCount), new ParallelOptions { MaxDegreeOfParallelism = workers }, async (i, ct) =>
{
    var body = $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"pod-{{{i:D4}}}","labels":{"app":"bench"}},"spec":{"nodeSelector":{"bench":"nowhere"},"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}]}]}}""";
    using var r = await setup.PostAsync("/api/v1/namespaces/default/pods", new StringContent(body, Encoding.UTF8, "application/json"), ct);
    r.EnsureSuccessStatusCode();
});
Console.WriteLine($"created {PodCount} pods in {created.Elapsed.TotalSeconds:F1}s ({PodCount / created.Elapsed.TotalSeconds:F0} creates/s, each fsynced)");

async Task Measure(string name, string path, string? accept, int expectedItems)
{
    var clients = Enumerable.Range(0, workers).Select(_ => NewClient()).ToList();
    using (var probe = new HttpRequestMessage(HttpMethod.Get, path))
    {
        if (accept is not null) probe.Headers.TryAddWithoutValidation("Accept", accept);
        using var r = await clients[0].SendAsync(probe);
        var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        var count = doc.TryGetProperty("items", out var items) ? items.GetArrayLength()
            : doc.TryGetProperty("rows", out var rows) ? rows.GetArrayLength() : 1;
        if (count != expectedItems) throw new InvalidOperationException($"{name}: expected {expectedItems} items, got {count}");
    }
    long requests = 0, bytes = 0;
    var stop = DateTime.UtcNow.AddSeconds(seconds);
    var sw = Stopwatch.StartNew();
    await Task.WhenAll(clients.Select(async c =>
    {
        while (DateTime.UtcNow < stop)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, path);
            if (accept is not null) req.Headers.TryAddWithoutValidation("Accept", accept);
            using var r = await c.SendAsync(req);
            var payload = await r.Content.ReadAsByteArrayAsync();
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"{name}: HTTP {(int)r.StatusCode}");
            Interlocked.Increment(ref requests);
            Interlocked.Add(ref bytes, payload.Length);
        }
    }));
    sw.Stop();
    Console.WriteLine($"{name,-28} {requests / sw.Elapsed.TotalSeconds,9:F0} req/s   ({requests} requests, {workers} clients, {bytes / Math.Max(1, requests) / 1024.0:F0} KiB/response)");
    foreach (var c in clients) c.Dispose();
}

const string table = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
await Measure("GET one pod", "/api/v1/namespaces/default/pods/pod-0500", null, 1);
await Measure("LIST 1000 pods (JSON)", "/api/v1/namespaces/default/pods", null, PodCount);
await Measure("LIST 1000 pods (Table)", "/api/v1/namespaces/default/pods", table, PodCount);
