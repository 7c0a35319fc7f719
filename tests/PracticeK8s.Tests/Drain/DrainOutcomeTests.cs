using PracticeK8s.Engine.Drain;

namespace PracticeK8s.Tests.Drain;

/// <summary>A drain's decisions as typed values: each refusal's cause, refused vs failed, and the DaemonSet lookup.</summary>
public sealed class DrainOutcomeTests
{
    private static readonly DrainSettings Fast = new() { RetryInterval = TimeSpan.FromMilliseconds(50), PollInterval = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task ARefusal_CarriesItsCause_AndTheResultIsRefused()
    {
        var api = new FakeDrainApi();
        api.DaemonSets.Add("kube-system/proxy");
        api.Add(FakeDrainApi.Pod("lonely", ownerKind: null), FakeDrainApi.Pod("cache", emptyDir: true),
            FakeDrainApi.Pod("proxy-1", ns: "kube-system", ownerKind: "DaemonSet", ownerName: "proxy"),
            FakeDrainApi.Pod("orphan", ownerKind: "DaemonSet", ownerName: "gone"));
        var result = await new NodeDrainer(api, Fast).DrainAsync("n1", default);

        Assert.Equal(DrainOutcome.Refused, result.Outcome);
        // In the order the pods are listed (by name): cache, lonely, orphan, proxy-1.
        Assert.Equal([DrainCause.LocalStorage, DrainCause.NoController, DrainCause.Other, DrainCause.DaemonSetManaged],
            result.Refusals.Select(r => r.Cause));
        Assert.Equal(result.Refusals.Select(r => r.ToString()), result.Errors);
        Assert.Equal("cannot delete daemonsets.apps \"gone\" not found: default/orphan",
            Assert.Single(result.Refusals, r => r.Cause == DrainCause.Other).ToString());
    }

    [Fact]
    public async Task FailedEvictions_AreFailed_NotRefused()
    {
        var api = new FakeDrainApi();
        api.Add(FakeDrainApi.Pod("two-budgets"));
        api.EvictionAnswers["two-budgets"] = new Queue<int>([500]);
        var result = await new NodeDrainer(api, Fast).DrainAsync("n1", default);
        Assert.Equal(DrainOutcome.Failed, result.Outcome);
        Assert.Empty(result.Refusals);
        Assert.False(result.Drained);
    }

    [Fact]
    public async Task AnUnreadableDaemonSet_RefusesEvenWithForce_AGoneOneOnlyWithout()
    {
        var pod = FakeDrainApi.Pod("ds-pod", ownerKind: "DaemonSet", ownerName: "ds");
        Task<DaemonSetLookup> Unreadable(string ns, string name, CancellationToken cancel) =>
            Task.FromResult(new DaemonSetLookup(DaemonSetState.Unreadable, "daemonsets.apps \"ds\" is forbidden"));
        Task<DaemonSetLookup> Gone(string ns, string name, CancellationToken cancel) =>
            Task.FromResult(new DaemonSetLookup(DaemonSetState.NotFound, "daemonsets.apps \"ds\" not found"));

        Assert.Equal(PodDeleteStatus.Fail("daemonsets.apps \"ds\" is forbidden"),
            await new DrainFilters(new DrainSettings { Force = true }, Unreadable).EvaluateAsync(pod, default));
        Assert.Equal(PodDeleteStatus.Warn(true, "daemonsets.apps \"ds\" not found"),
            await new DrainFilters(new DrainSettings { Force = true }, Gone).DaemonSetAsync(pod, default));
        Assert.Equal(PodDeleteStatus.Fail("daemonsets.apps \"ds\" not found"),
            await new DrainFilters(new DrainSettings(), Gone).DaemonSetAsync(pod, default));
        Assert.Equal(new PodDeleteStatus(false, PodDeleteReason.Error, DrainFilters.DaemonSetFatal.Text, DrainCause.DaemonSetManaged),
            await new DrainFilters(new DrainSettings(), (_, _, _) => Task.FromResult(DaemonSetLookup.Exists)).EvaluateAsync(pod, default));
    }
}
