using k8s;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

/// <summary>pods/ephemeralcontainers with KubernetesClient: the kubelet runs an added container once, and only additions are accepted.</summary>
[Collection(SandboxCollection.Name)]
public sealed class EphemeralContainerTests(SandboxFixture f)
{
    private static V1Patch Add(params V1EphemeralContainer[] containers) =>
        new(new { spec = new { ephemeralContainers = containers } }, V1Patch.PatchType.StrategicMergePatch);

    [Fact]
    public async Task AnAddedEphemeralContainer_RunsOnce_AndIsReportedInItsStatus()
    {
        var ns = f.NewNamespace("ephemeral");
        await Pods.CreateBound(f.Admin, ns, "app", "Always", Pods.Container("c", "busybox", "sh", "-c", "echo up; sleep 3600"));
        await Pods.WaitForLog(f.Admin, ns, "app", null, l => l == "up\n");
        var patched = await f.Admin.CoreV1.PatchNamespacedPodEphemeralcontainersAsync(Add(new V1EphemeralContainer
        {
            Name = "dbg", Image = "busybox", Command = ["sh", "-c", "echo from-debug; exit 3"], TargetContainerName = "c",
        }), "app", ns);
        var added = Assert.Single(patched.Spec.EphemeralContainers);
        Assert.Equal("File", added.TerminationMessagePolicy); // container defaults applied
        Assert.Equal("/dev/termination-log", added.TerminationMessagePath);

        V1ContainerStatus? status = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var pod = await f.Admin.CoreV1.ReadNamespacedPodAsync("app", ns);
            status = pod.Status.EphemeralContainerStatuses?.FirstOrDefault(s => s.Name == "dbg");
            if (status?.State?.Terminated is not null) break;
            await Task.Delay(200);
        }
        Assert.NotNull(status?.State?.Terminated);
        Assert.Equal(3, status!.State.Terminated.ExitCode);
        Assert.Equal(0, status.RestartCount);
        Assert.False(status.Ready);
        Assert.Equal("from-debug\n", await Pods.WaitForLog(f.Admin, ns, "app", "dbg", l => l.Contains("from-debug")));
        await Task.Delay(1500);
        var later = await f.Admin.CoreV1.ReadNamespacedPodAsync("app", ns);
        Assert.Equal(0, later.Status.EphemeralContainerStatuses!.Single().RestartCount); // never restarted
        Assert.Equal("Running", later.Status.Phase);
    }

    [Fact]
    public async Task OnlyAdditions_AreAccepted()
    {
        var ns = f.NewNamespace("ephemeral-rules");
        await Pods.CreateBound(f.Admin, ns, "app", "Always", Pods.Container("c", "busybox", "sh", "-c", "sleep 3600"));
        await f.Admin.CoreV1.PatchNamespacedPodEphemeralcontainersAsync(Add(new V1EphemeralContainer { Name = "one", Image = "busybox", Command = ["true"] }), "app", ns);

        // The kubelet writes the added container's status meanwhile, so a read may be stale by the
        // replace (409, as on any API server): read again, as a client does on a conflict.
        HttpOperationException changed;
        var attempts = 0;
        do
        {
            var pod = await f.Admin.CoreV1.ReadNamespacedPodEphemeralcontainersAsync("app", ns);
            pod.Spec.EphemeralContainers[0].Image = "alpine";
            changed = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReplaceNamespacedPodEphemeralcontainersAsync(pod, "app", ns));
        }
        while ((int)changed.Response.StatusCode == 409 && ++attempts < 10);
        Assert.Equal(422, (int)changed.Response.StatusCode);
        Assert.Contains("existing ephemeral containers \\\"one\\\" may not be changed", changed.Response.Content);

        var bad = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.PatchNamespacedPodEphemeralcontainersAsync(Add(new V1EphemeralContainer
        {
            Name = "two", Image = "busybox", TargetContainerName = "nope", ReadinessProbe = new V1Probe { Exec = new V1ExecAction { Command = ["true"] } },
        }), "app", ns));
        Assert.True(422 == (int)bad.Response.StatusCode, bad.Response.Content);
        // (the index is the new entry's place in the merged list)
        Assert.Matches(@"spec\.ephemeralContainers\[\d\]\.readinessProbe: Forbidden: cannot be set for an Ephemeral Container", bad.Response.Content);
        Assert.Matches(@"spec\.ephemeralContainers\[\d\]\.targetContainerName: Invalid value: \\""nope\\""", bad.Response.Content);

        var viaPod = await Assert.ThrowsAsync<HttpOperationException>(() =>
            f.Admin.CoreV1.PatchNamespacedPodAsync(Add(new V1EphemeralContainer { Name = "three", Image = "busybox" }), "app", ns));
        Assert.Equal(422, (int)viaPod.Response.StatusCode); // only through the subresource
    }
}
