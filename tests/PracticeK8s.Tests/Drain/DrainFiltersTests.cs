using k8s.Models;
using PracticeK8s.Engine.Drain;

namespace PracticeK8s.Tests.Drain;

/// <summary>kubectl drain's filters, one behaviour each, and how the plan words refusals and warnings.</summary>
public sealed class DrainFiltersTests
{
    private static async Task<PodDeleteStatus> Evaluate(V1Pod pod, DrainSettings? settings = null, FakeDrainApi? api = null)
    {
        api ??= new FakeDrainApi();
        return await new DrainFilters(settings ?? new DrainSettings(), api.FindDaemonSetAsync).EvaluateAsync(pod, default);
    }

    [Fact]
    public async Task ManagedPod_IsEvictedWithoutAWord() =>
        Assert.Equal(PodDeleteStatus.Okay, await Evaluate(FakeDrainApi.Pod("web")));

    [Fact]
    public async Task DaemonSetPod_IsAnErrorUnlessIgnored_ThenLeftWithAWarning()
    {
        var api = new FakeDrainApi();
        api.DaemonSets.Add("default/agent");
        var pod = FakeDrainApi.Pod("agent-x", ownerKind: "DaemonSet", ownerName: "agent");
        Assert.Equal(PodDeleteStatus.Fail(DrainFilters.DaemonSetFatal), await Evaluate(pod, api: api));
        Assert.Equal(PodDeleteStatus.Warn(false, DrainFilters.DaemonSetWarning), await Evaluate(pod, new DrainSettings { IgnoreDaemonSets = true }, api));
    }

    [Fact]
    public async Task OrphanedDaemonSetPod_IsDeletedOnlyWithForce()
    {
        var pod = FakeDrainApi.Pod("agent-x", ownerKind: "DaemonSet", ownerName: "gone");
        Assert.Equal(PodDeleteStatus.Fail("daemonsets.apps \"gone\" not found"), await Evaluate(pod, new DrainSettings { IgnoreDaemonSets = true }));
        // With --force it is deleted; the filter's warning is then replaced by the later filters' Okay, as in kubectl.
        Assert.Equal(PodDeleteStatus.Okay, await Evaluate(pod, new DrainSettings { Force = true }));
    }

    [Fact]
    public async Task MirrorPod_IsSkippedSilently() =>
        Assert.Equal(PodDeleteStatus.Skip("mirror pod"), await Evaluate(FakeDrainApi.Pod("static", ownerKind: "Node",
            annotations: new() { [DrainFilters.MirrorAnnotation] = "abc" })));

    [Fact]
    public async Task EmptyDirPod_NeedsDeleteEmptyDirData()
    {
        var pod = FakeDrainApi.Pod("cache", emptyDir: true);
        Assert.Equal(PodDeleteStatus.Fail(DrainFilters.LocalStorageFatal), await Evaluate(pod));
        // The warning of the local-storage filter is replaced by the last filter's plain Okay, as in kubectl.
        Assert.Equal(PodDeleteStatus.Okay, await Evaluate(pod, new DrainSettings { DeleteEmptyDirData = true }));
    }

    [Fact]
    public async Task UnmanagedPod_NeedsForce_ThenItsWarningIsKept()
    {
        var pod = FakeDrainApi.Pod("lonely", ownerKind: null);
        Assert.Equal(PodDeleteStatus.Fail(DrainFilters.UnmanagedFatal), await Evaluate(pod));
        Assert.Equal(PodDeleteStatus.Warn(true, DrainFilters.UnmanagedWarning), await Evaluate(pod, new DrainSettings { Force = true }));
    }

    [Fact]
    public async Task FinishedPods_PassEveryFilter()
    {
        var api = new FakeDrainApi();
        Assert.Equal(PodDeleteStatus.Okay, await Evaluate(FakeDrainApi.Pod("done", ownerKind: null, emptyDir: true, phase: "Succeeded"), api: api));
        Assert.Equal(PodDeleteStatus.Okay, await Evaluate(FakeDrainApi.Pod("ds-done", ownerKind: "DaemonSet", ownerName: "gone", phase: "Failed"), api: api));
    }

    [Fact]
    public async Task FirstRefusingFilterWins_DaemonSetBeforeLocalStorage()
    {
        var api = new FakeDrainApi();
        api.DaemonSets.Add("default/agent");
        var pod = FakeDrainApi.Pod("agent-x", ownerKind: "DaemonSet", ownerName: "agent", emptyDir: true);
        Assert.Equal(PodDeleteStatus.Fail(DrainFilters.DaemonSetFatal), await Evaluate(pod, api: api));
    }

    [Fact]
    public async Task LongDeletedPods_AreSkippedWithSkipWaitForDeleteTimeout()
    {
        var pod = FakeDrainApi.Pod("dying", deleted: DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(PodDeleteStatus.Okay, await Evaluate(pod));
        Assert.False((await Evaluate(pod, new DrainSettings { SkipWaitForDeleteTimeoutSeconds = 60 })).Delete);
        Assert.True((await Evaluate(pod, new DrainSettings { SkipWaitForDeleteTimeoutSeconds = 600 })).Delete);
    }

    [Fact]
    public async Task Plan_GroupsRefusalsAndWarningsLikeKubectl()
    {
        var api = new FakeDrainApi();
        api.DaemonSets.Add("kube-system/proxy");
        api.Add(FakeDrainApi.Pod("lonely-a", ownerKind: null), FakeDrainApi.Pod("lonely-b", ns: "other", ownerKind: null),
            FakeDrainApi.Pod("cache", emptyDir: true), FakeDrainApi.Pod("proxy-1", ns: "kube-system", ownerKind: "DaemonSet", ownerName: "proxy"),
            FakeDrainApi.Pod("web"));
        var plan = await new NodeDrainer(api, new DrainSettings()).PlanAsync("n1", default);
        Assert.Equal(new[]
        {
            "cannot delete Pods with local storage (use -DeleteEmptyDirData to override): default/cache",
            "cannot delete Pods that declare no controller (use -Force to override): default/lonely-a, other/lonely-b",
            "cannot delete DaemonSet-managed Pods (use -IgnoreDaemonSets to ignore): kube-system/proxy-1",
        }, plan.Errors());

        var allowed = await new NodeDrainer(api, new DrainSettings { IgnoreDaemonSets = true, Force = true, DeleteEmptyDirData = true }).PlanAsync("n1", default);
        Assert.Empty(allowed.Errors());
        Assert.Equal("deleting Pods that declare no controller: default/lonely-a, other/lonely-b; ignoring DaemonSet-managed Pods: kube-system/proxy-1",
            allowed.Warnings());
        Assert.Equal(new[] { "cache", "lonely-a", "lonely-b", "web" }, allowed.ToDelete.Select(p => p.Metadata.Name).OrderBy(n => n));
    }

    [Theory]
    [InlineData(5, "5s")]
    [InlineData(60, "1m0s")]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h0m0s")]
    [InlineData(0, "0s")]
    public void GoDurations(int seconds, string text) => Assert.Equal(text, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
}
