using System.Collections.Concurrent;
using System.Diagnostics;
using PracticeK8s.Engine.Drain;

namespace PracticeK8s.Tests.Drain;

/// <summary>The eviction loop and the waiting, against the in-memory cluster with short intervals.</summary>
public sealed class EvictionTests
{
    private static readonly DrainSettings Fast = new()
    {
        RetryInterval = TimeSpan.FromMilliseconds(50),
        PollInterval = TimeSpan.FromMilliseconds(20),
    };

    private static (NodeDrainer Drainer, ConcurrentQueue<string> Info, ConcurrentQueue<string> Warnings, ConcurrentQueue<(int, int)> Progress)
        Drainer(FakeDrainApi api, DrainSettings settings)
    {
        var info = new ConcurrentQueue<string>();
        var warnings = new ConcurrentQueue<string>();
        var progress = new ConcurrentQueue<(int, int)>();
        var drainer = new NodeDrainer(api, settings)
        {
            Report = new DrainReport { Info = info.Enqueue, Warning = warnings.Enqueue, Progress = (d, t) => progress.Enqueue((d, t)) },
        };
        return (drainer, info, warnings, progress);
    }

    [Fact]
    public async Task EvictsEveryPod_WaitsUntilGone_AndSaysDrained()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("a"), FakeDrainApi.Pod("b"));
        var (drainer, info, _, progress) = Drainer(api, Fast with { GracePeriodSeconds = 7 });
        var result = await drainer.DrainAsync("n1", default);
        Assert.True(result.Drained);
        Assert.Equal(new[] { "default/a", "default/b" }, result.Evicted.OrderBy(x => x));
        Assert.Empty(api.Pods);
        Assert.Contains("evicting pod default/a", info);
        Assert.Contains("pod/b evicted", info);
        Assert.Equal("node/n1 drained", info.Last());
        Assert.Contains("evict a grace=7", api.Calls);
        Assert.Equal((2, 2), progress.Last());
    }

    [Fact]
    public async Task RefusedNode_EvictsNothing_AndListsWhatRemains()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("lonely", ownerKind: null), FakeDrainApi.Pod("web"));
        var (drainer, _, _, _) = Drainer(api, Fast);
        var result = await drainer.DrainAsync("n1", default);
        Assert.False(result.Drained);
        Assert.Equal(new[] { "cannot delete Pods that declare no controller (use -Force to override): default/lonely" }, result.Errors);
        Assert.Equal(new[] { "default/lonely", "default/web" }, result.Remaining);
        Assert.DoesNotContain(api.Calls, c => c.StartsWith("evict"));
        Assert.Equal(2, api.Pods.Count);
    }

    [Fact]
    public async Task DaemonSetPodsIgnored_StayAndAreReportedAsSkipped()
    {
        var api = new FakeDrainApi();
        api.DaemonSets.Add("kube-system/proxy");
        api.Add(FakeDrainApi.Pod("proxy-1", ns: "kube-system", ownerKind: "DaemonSet", ownerName: "proxy"), FakeDrainApi.Pod("web"));
        var (drainer, _, warnings, _) = Drainer(api, Fast with { IgnoreDaemonSets = true });
        var result = await drainer.DrainAsync("n1", default);
        Assert.True(result.Drained);
        Assert.Equal(new[] { "default/web" }, result.Evicted);
        Assert.Equal(new SkippedPod("kube-system/proxy-1", DrainFilters.DaemonSetWarning), Assert.Single(result.Skipped));
        Assert.True(api.Pods.ContainsKey("kube-system/proxy-1"));
        Assert.Equal("ignoring DaemonSet-managed Pods: kube-system/proxy-1", Assert.Single(warnings));
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterTheInterval_UntilTheBudgetAllows()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("guarded"));
        api.EvictionAnswers["guarded"] = new Queue<int>([429, 429]);
        var (drainer, info, warnings, _) = Drainer(api, Fast);
        var watch = Stopwatch.StartNew();
        var result = await drainer.DrainAsync("n1", default);
        Assert.True(result.Drained);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(90), "two retries wait two intervals");
        Assert.Equal(3, api.Calls.Count(c => c.StartsWith("evict guarded")));
        Assert.Equal(3, info.Count(i => i == "evicting pod default/guarded"));
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(
            "error when evicting pods/\"guarded\" -n \"default\" (will retry after 0.05s): Cannot evict pod as it would violate the pod's disruption budget.", w));
    }

    [Fact]
    public async Task Timeout_EndsTheRetries_WithKubectlsMessage()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("guarded"), FakeDrainApi.Pod("free"));
        api.EvictionAnswers["guarded"] = new Queue<int>(Enumerable.Repeat(429, 1000));
        var (drainer, _, _, _) = Drainer(api, Fast with { Timeout = TimeSpan.FromMilliseconds(300) });
        var watch = Stopwatch.StartNew();
        var result = await drainer.DrainAsync("n1", default);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
        Assert.False(result.Drained);
        Assert.Equal(new[] { "default/free" }, result.Evicted);
        Assert.Equal(new[] { "default/guarded" }, result.Remaining);
        Assert.Equal("error when evicting pods/\"guarded\" -n \"default\": global timeout reached: 0.3s", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task OtherEvictionErrors_FailThatPodAtOnce()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("two-budgets"));
        api.EvictionAnswers["two-budgets"] = new Queue<int>([500]);
        var (drainer, _, _, _) = Drainer(api, Fast);
        var result = await drainer.DrainAsync("n1", default);
        Assert.Equal("error when evicting pods/\"two-budgets\" -n \"default\": answer 500", Assert.Single(result.Errors));
        Assert.Single(api.Calls, c => c.StartsWith("evict"));
    }

    [Fact]
    public async Task Waiting_EndsWhenThePodIsReplacedByANewUid()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("db-0"));
        api.OnEvicted = pod => Task.Delay(100).ContinueWith(_ =>
        {
            var replacement = FakeDrainApi.Pod("db-0");
            replacement.Metadata.Uid = "new-uid";
            api.Add(replacement);
        });
        var (drainer, info, _, _) = Drainer(api, Fast);
        var result = await drainer.DrainAsync("n1", default);
        Assert.True(result.Drained);
        Assert.Contains("pod/db-0 evicted", info);
    }

    [Fact]
    public async Task Waiting_TimesOutWhileThePodLingers()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("slow"));
        api.OnEvicted = _ => { };
        var (drainer, _, _, _) = Drainer(api, Fast with { Timeout = TimeSpan.FromMilliseconds(200) });
        var result = await drainer.DrainAsync("n1", default);
        Assert.Equal("error when waiting for pod \"slow\" in namespace \"default\" to terminate: global timeout reached: 0.2s", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task DisableEviction_DeletesOneAfterAnother_ThenWaits()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("a"), FakeDrainApi.Pod("b"));
        var (drainer, info, _, _) = Drainer(api, Fast with { DisableEviction = true, GracePeriodSeconds = 0 });
        var result = await drainer.DrainAsync("n1", default);
        Assert.True(result.Drained);
        Assert.Equal(new[] { "list n1 ", "delete a grace=0", "delete b grace=0" }, api.Calls.ToArray());
        Assert.Contains("pod/a deleted", info);
    }

    [Fact]
    public async Task Cancelling_StopsPromptly_WithoutAResult()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("guarded"));
        api.EvictionAnswers["guarded"] = new Queue<int>(Enumerable.Repeat(429, 1000));
        var (drainer, _, _, _) = Drainer(api, new DrainSettings());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drainer.DrainAsync("n1", cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "the 5 s retry wait is cut short");
    }

    [Fact]
    public async Task AlreadyGonePods_CountAsEvicted()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("ghost"));
        api.EvictionAnswers["ghost"] = new Queue<int>([404]);
        var (drainer, _, _, _) = Drainer(api, Fast);
        var result = await drainer.DrainAsync("n1", default);
        Assert.True(result.Drained);
        Assert.Equal(new[] { "default/ghost" }, result.Evicted);
    }
}
