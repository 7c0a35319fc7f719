using System.Net;
using System.Text.Json;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

[Collection(SandboxCollection.Name)]
public sealed class WatchTests(SandboxFixture f)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Collects (type, name) events of a KubernetesClient watch until <paramref name="count"/> arrive.</summary>
    private static async Task<List<(WatchEventType Type, V1ConfigMap Obj)>> Collect(
        IAsyncEnumerable<(WatchEventType, V1ConfigMap)> stream, int count)
    {
        var events = new List<(WatchEventType, V1ConfigMap)>();
        using var cts = new CancellationTokenSource(Wait);
        await foreach (var e in stream.WithCancellation(cts.Token))
        {
            events.Add(e);
            if (events.Count == count) break;
        }
        return events;
    }

    // The module watches this way too (list with watch=true, read the stream); the newer entry point is not in 21.0.8's typed API.
#pragma warning disable CS0618
    private IAsyncEnumerable<(WatchEventType, V1ConfigMap)> WatchConfigMaps(string ns, string? resourceVersion = null, string? labelSelector = null) =>
        f.Admin.CoreV1.ListNamespacedConfigMapWithHttpMessagesAsync(ns, watch: true, resourceVersion: resourceVersion, labelSelector: labelSelector)
            .WatchAsync<V1ConfigMap, V1ConfigMapList>();
#pragma warning restore CS0618

    [Fact]
    public async Task Watch_StreamsAddedModifiedDeleted_InOrder()
    {
        var ns = f.NewNamespace("watch");
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "existing" } }, ns);
        var list = await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns);
        var collecting = Collect(WatchConfigMaps(ns, list.Metadata.ResourceVersion), 3);
        await Task.Delay(300);
        var cm = await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "new" } }, ns);
        cm.Data = new Dictionary<string, string> { ["k"] = "v" };
        await f.Admin.CoreV1.ReplaceNamespacedConfigMapAsync(cm, "new", ns);
        await f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("new", ns);
        var events = await collecting;
        Assert.Equal(new[] { WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted }, events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("new", e.Obj.Metadata.Name));
        Assert.Equal("v", events[1].Obj.Data["k"]);
        var rvs = events.Select(e => long.Parse(e.Obj.Metadata.ResourceVersion)).ToList();
        Assert.Equal(rvs.OrderBy(x => x), rvs);
    }

    [Fact]
    public async Task Watch_WithoutResourceVersion_StartsWithSyntheticAdds_AndResumeReplaysHistory()
    {
        var ns = f.NewNamespace("resume");
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, ns);
        var afterA = (await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Metadata.ResourceVersion;
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b" } }, ns);

        var initial = await Collect(WatchConfigMaps(ns), 2);
        Assert.Equal(new[] { "a", "b" }, initial.Select(e => e.Obj.Metadata.Name));
        Assert.All(initial, e => Assert.Equal(WatchEventType.Added, e.Type));

        var resumed = await Collect(WatchConfigMaps(ns, afterA), 1);
        Assert.Equal("b", resumed.Single().Obj.Metadata.Name);
    }

    [Fact]
    public async Task Watch_SelectorTransitions_BecomeAddedAndDeleted()
    {
        var ns = f.NewNamespace("transit");
        var cm = await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        { Metadata = new V1ObjectMeta { Name = "c", Labels = new Dictionary<string, string> { ["watched"] = "no" } } }, ns);
        var rv = cm.Metadata.ResourceVersion;
        var collecting = Collect(WatchConfigMaps(ns, rv, "watched=yes"), 2);
        await Task.Delay(300);
        cm.Metadata.Labels["watched"] = "yes";
        cm = await f.Admin.CoreV1.ReplaceNamespacedConfigMapAsync(cm, "c", ns);
        cm.Metadata.Labels["watched"] = "no";
        await f.Admin.CoreV1.ReplaceNamespacedConfigMapAsync(cm, "c", ns);
        var events = await collecting;
        Assert.Equal(new[] { WatchEventType.Added, WatchEventType.Deleted }, events.Select(e => e.Type));
    }

    [Fact]
    public async Task FieldSelectorWatch_FromAListsVersion_ReplaysADeleteAndARecreateUnderTheSameName()
    {
        // What kubectl delete's wait does: list by metadata.name, then watch from that list's
        // resourceVersion; a delete and re-create in between must both be replayed.
        var ns = f.NewNamespace("samename");
        var first = await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "same" } }, ns);
        var list = await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name=same");
        await f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("same", ns);
        var second = await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "same" } }, ns);
#pragma warning disable CS0618
        var stream = f.Admin.CoreV1.ListNamespacedConfigMapWithHttpMessagesAsync(ns, watch: true, resourceVersion: list.Metadata.ResourceVersion,
            fieldSelector: "metadata.name=same").WatchAsync<V1ConfigMap, V1ConfigMapList>();
#pragma warning restore CS0618
        var events = await Collect(stream, 2);
        Assert.Equal(new[] { (WatchEventType.Deleted, first.Metadata.Uid), (WatchEventType.Added, second.Metadata.Uid) },
            events.Select(e => (e.Type, e.Obj.Metadata.Uid)));
    }

    [Fact]
    public async Task RawWatch_TimeoutSecondsClosesTheStream_AndInitialEventsEndWithABookmark()
    {
        var ns = f.NewNamespace("rawwatch");
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, ns);
        using var http = f.Server.Http(f.Server.AdminToken);
        var started = DateTime.UtcNow;
        var text = await http.GetStringAsync($"/api/v1/namespaces/{ns}/configmaps?watch=1&timeoutSeconds=1&allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan");
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // The initial ADDED events (x and the namespace's kube-root-ca.crt), then the bookmark that ends them.
        Assert.Equal(new[] { $"ADDED {SandboxFixture.RootCaConfigMap}", "ADDED x" },
            lines.Take(2).Select(l => $"{l.GetProperty("type").GetString()} {l.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString()}").Order());
        Assert.Equal("BOOKMARK", lines[2].GetProperty("type").GetString());
        Assert.Equal("true", lines[2].GetProperty("object").GetProperty("metadata").GetProperty("annotations").GetProperty("k8s.io/initial-events-end").GetString());
    }

    [Fact]
    public async Task TableWatch_SendsColumnsOnlyOnTheFirstEvent()
    {
        var ns = f.NewNamespace("tablewatch");
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, ns);
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b" } }, ns);
        using var http = f.Server.Http(f.Server.AdminToken);
        var req = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?watch=true&timeoutSeconds=1");
        req.Headers.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        var text = await (await http.SendAsync(req)).Content.ReadAsStringAsync();
        var events = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("object")).ToList();
        Assert.Equal(3, events.Count); // a, b and the namespace's kube-root-ca.crt
        Assert.All(events, e => Assert.Equal("Table", e.GetProperty("kind").GetString()));
        Assert.Equal("DATA", events[0].GetProperty("columnDefinitions")[1].GetProperty("name").GetString()!.ToUpperInvariant());
        Assert.Equal(JsonValueKind.Null, events[1].GetProperty("columnDefinitions").ValueKind);
        Assert.Equal("b", events[1].GetProperty("rows")[0].GetProperty("cells")[0].GetString());
    }

    [Fact]
    public async Task KubectlGetWatch_PrintsNewRows()
    {
        var ns = f.NewNamespace("kwatch");
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "first" } }, ns);
        var output = await f.Kubectl.Stream(new[] { "-n", ns, "get", "configmaps", "-w" }, async () =>
        {
            await Task.Delay(1500);
            await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "second" } }, ns);
        }, TimeSpan.FromSeconds(1.5));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("first "));
        Assert.Contains(lines, l => l.StartsWith("second "));
    }

    [Theory]
    [InlineData("watch=True", true)] // the official Python client
    [InlineData("watch=1", true)] // KubernetesClient's exec style
    [InlineData("watch=t", true)]
    [InlineData("watch", true)] // a present, empty value is true on the API server
    [InlineData("watch=False", false)]
    [InlineData("watch=0", false)]
    public async Task WatchQuery_IsReadAsTheApiServerReadsBooleans(string query, bool watches)
    {
        var ns = f.NewNamespace("watchbool");
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, ns);
        using var http = f.Server.Http(f.Server.AdminToken);
        var text = await http.GetStringAsync($"/api/v1/namespaces/{ns}/configmaps?{query}&timeoutSeconds=1");
        var first = JsonDocument.Parse(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]).RootElement;
        if (watches)
        {
            Assert.Equal("ADDED", first.GetProperty("type").GetString());
            Assert.Equal("ConfigMap", first.GetProperty("object").GetProperty("kind").GetString());
        }
        else
        {
            Assert.Equal("ConfigMapList", first.GetProperty("kind").GetString());
        }
    }
}
