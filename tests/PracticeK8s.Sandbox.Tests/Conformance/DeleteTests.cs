using System.Net;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

[Collection(SandboxCollection.Name)]
public sealed class DeleteTests(SandboxFixture f)
{
    private static V1Pod Pod(string name, string? node = null, long? grace = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "x" } },
        Spec = new V1PodSpec
        {
            NodeName = node, TerminationGracePeriodSeconds = grace,
            // Without a node the pod must stay unscheduled: no node has this label.
            NodeSelector = node is null ? new Dictionary<string, string> { ["example.com/no-such-node"] = "true" } : null,
            Containers = new List<V1Container> { new() { Name = "c", Image = "busybox" } },
        },
    };

    private async Task<bool> GoneWithin(Func<Task> read, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try { await read(); }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound) { return true; }
            await Task.Delay(100);
        }
        return false;
    }

    [Fact]
    public async Task PodOnANode_IsDeletedGracefully_ThenRemovedAfterItsGracePeriod()
    {
        var ns = f.NewNamespace("grace");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(Pod("running", node: "sandbox-node-1", grace: 1), ns);
        var terminating = await f.Admin.CoreV1.DeleteNamespacedPodAsync("running", ns);
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Equal(1, terminating.Metadata.DeletionGracePeriodSeconds);
        // Until its containers have stopped the pod is still there, marked for deletion; a container that
        // stops at once lets the kubelet remove it before the grace period ends, as on a real node.
        try
        {
            var stillThere = await f.Admin.CoreV1.ReadNamespacedPodAsync("running", ns);
            Assert.NotNull(stillThere.Metadata.DeletionTimestamp);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
        Assert.True(await GoneWithin(() => f.Admin.CoreV1.ReadNamespacedPodAsync("running", ns), TimeSpan.FromSeconds(6)));

        await f.Admin.CoreV1.CreateNamespacedPodAsync(Pod("pending"), ns);
        await f.Admin.CoreV1.DeleteNamespacedPodAsync("pending", ns);
        await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReadNamespacedPodAsync("pending", ns));

        await f.Admin.CoreV1.CreateNamespacedPodAsync(Pod("forced", node: "sandbox-node-1"), ns);
        await f.Admin.CoreV1.DeleteNamespacedPodAsync("forced", ns, gracePeriodSeconds: 0);
        await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReadNamespacedPodAsync("forced", ns));
    }

    [Fact]
    public async Task Finalizers_HoldTheObject_UntilAnUpdateEmptiesThem()
    {
        var ns = f.NewNamespace("final");
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        { Metadata = new V1ObjectMeta { Name = "held", Finalizers = new List<string> { "example.com/hold" } } }, ns);
        await f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("held", ns);
        var held = await f.Admin.CoreV1.ReadNamespacedConfigMapAsync("held", ns);
        Assert.NotNull(held.Metadata.DeletionTimestamp);

        held.Metadata.Finalizers.Add("example.com/another");
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReplaceNamespacedConfigMapAsync(held, "held", ns));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);

        held.Metadata.Finalizers.Clear();
        await f.Admin.CoreV1.ReplaceNamespacedConfigMapAsync(held, "held", ns);
        await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReadNamespacedConfigMapAsync("held", ns));
    }

    [Fact]
    public async Task Preconditions_AndPropagationPolicies()
    {
        var ns = f.NewNamespace("precond");
        var cm = await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, ns);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("cm", ns,
            new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "00000000-0000-0000-0000-000000000000" } }));
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        Assert.Contains("Precondition failed: UID in precondition", e.Response.Content);
        await f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("cm", ns, new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = cm.Metadata.Uid } });
        await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReadNamespacedConfigMapAsync("cm", ns));
    }

    private async Task<(V1ConfigMap Owner, string Ns)> OwnerWithDependents(string prefix, params string[] dependents)
    {
        var ns = f.NewNamespace(prefix);
        var owner = await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        foreach (var d in dependents)
            await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = d,
                    OwnerReferences = new List<V1OwnerReference>
                    {
                        new() { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid, BlockOwnerDeletion = true },
                    },
                },
            }, ns);
        return (owner, ns);
    }

    [Fact]
    public async Task PropagationPolicy_Background_DeletesDependents()
    {
        var (_, ns) = await OwnerWithDependents("gcbg", "dep-1", "dep-2");
        await f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Background");
        Assert.True(await GoneWithin(() => f.Admin.CoreV1.ReadNamespacedConfigMapAsync("dep-1", ns), TimeSpan.FromSeconds(5)));
        Assert.True(await GoneWithin(() => f.Admin.CoreV1.ReadNamespacedConfigMapAsync("dep-2", ns), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task PropagationPolicy_Orphan_KeepsDependentsWithoutTheOwnerReference()
    {
        var (_, ns) = await OwnerWithDependents("gcorphan", "dep");
        var owner = await f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Orphan");
        Assert.True(await GoneWithin(() => f.Admin.CoreV1.ReadNamespacedConfigMapAsync("owner", ns), TimeSpan.FromSeconds(5)));
        await Task.Delay(1200); // two collector passes: the orphan must stay
        var dep = await f.Admin.CoreV1.ReadNamespacedConfigMapAsync("dep", ns);
        Assert.Null(dep.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task PropagationPolicy_Foreground_OwnerWaitsForItsDependents()
    {
        var (_, ns) = await OwnerWithDependents("gcfg", "dep");
        await f.Admin.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":["example.com/slow"]}}""", V1Patch.PatchType.MergePatch), "dep", ns);
        await f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Foreground");
        await Task.Delay(1200);
        var owner = await f.Admin.CoreV1.ReadNamespacedConfigMapAsync("owner", ns);
        Assert.Contains("foregroundDeletion", owner.Metadata.Finalizers);
        var dep = await f.Admin.CoreV1.ReadNamespacedConfigMapAsync("dep", ns);
        Assert.NotNull(dep.Metadata.DeletionTimestamp);
        await f.Admin.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "dep", ns);
        Assert.True(await GoneWithin(() => f.Admin.CoreV1.ReadNamespacedConfigMapAsync("owner", ns), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task DeleteCollection_BySelector_AndDryRun()
    {
        var ns = f.NewNamespace("coll");
        foreach (var (name, tier) in new[] { ("a", "web"), ("b", "web"), ("c", "db") })
            await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            { Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["tier"] = tier } } }, ns);
        await f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("c", ns, dryRun: "All");
        Assert.Equal(3, (await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.WithoutClusterDefaults().Count());
        await f.Admin.CoreV1.DeleteCollectionNamespacedConfigMapAsync(ns, labelSelector: "tier=web");
        Assert.Equal(new[] { "c" }, (await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.WithoutClusterDefaults().Select(i => i.Metadata.Name));
    }

    [Fact]
    public async Task Namespaces_ProtectedOnesAre403_OthersTerminateAndTakeTheirContents()
    {
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.DeleteNamespaceAsync("default"));
        Assert.Equal(HttpStatusCode.Forbidden, e.Response.StatusCode);
        Assert.Contains("this namespace may not be deleted", e.Response.Content);

        var ns = f.NewNamespace("doomed");
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, ns);
        var terminating = await f.Admin.CoreV1.DeleteNamespaceAsync(ns);
        Assert.NotNull(terminating);
        var created = await Assert.ThrowsAsync<HttpOperationException>(() =>
            f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "late" } }, ns));
        Assert.True(created.Response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, created.Response.Content);
        Assert.True(await GoneWithin(() => f.Admin.CoreV1.ReadNamespaceAsync(ns), TimeSpan.FromSeconds(10)));
        Assert.Empty((await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Items);
    }
}
