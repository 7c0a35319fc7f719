using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.ViaKubectl;

/// <summary>pods/eviction and PodDisruptionBudgets: the API's 429, and kubectl drain retrying until the budget allows.</summary>
[Collection(SandboxCollection.Name)]
public sealed class EvictionTests(SandboxFixture f) : IAsyncLifetime
{
    private readonly List<string> _nodes = new();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The test's own nodes go again (their pods with them), so other tests see the cluster's usual nodes.</summary>
    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            try { await f.Admin.CoreV1.DeleteNodeAsync(node); }
            catch (HttpOperationException) { }
        }
    }

    /// <summary>A node of the test's own (the sandbox's kubelet serves every registered node), so draining it disturbs nobody else.</summary>
    private async Task<string> OwnNode(string ns)
    {
        var node = "own-" + ns;
        await f.Admin.CoreV1.CreateNodeAsync(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = node, Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = node } },
            // Nothing else is scheduled here (pods bound by name still run).
            Spec = new V1NodeSpec { Taints = new List<V1Taint> { new() { Key = "practicek8s.io/test-node", Value = ns, Effect = "NoSchedule" } } },
        });
        _nodes.Add(node);
        return node;
    }

    /// <summary>Pods bound to <paramref name="node"/>, returned once the kubelet reports them Ready.</summary>
    private async Task ReadyPods(string ns, string node, string app, int count)
    {
        for (int i = 0; i < count; i++)
        {
            await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = $"{app}-{i}", Labels = new Dictionary<string, string> { ["app"] = app } },
                Spec = new V1PodSpec
                {
                    NodeName = node, TerminationGracePeriodSeconds = 1,
                    Containers = new List<V1Container> { new() { Name = "c", Image = "nginx" } },
                },
            }, ns);
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var pods = (await f.Admin.CoreV1.ListNamespacedPodAsync(ns, labelSelector: $"app={app}")).Items;
            if (pods.Count == count && pods.All(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"pods app={app} never became Ready");
            await Task.Delay(100);
        }
    }

    private Task Budget(string ns, string name, string app, IntOrString? minAvailable = null, IntOrString? maxUnavailable = null) =>
        f.Admin.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(new V1PodDisruptionBudget
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1PodDisruptionBudgetSpec
            {
                MinAvailable = minAvailable, MaxUnavailable = maxUnavailable,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
            },
        }, ns);

    private async Task<(HttpStatusCode Code, JsonElement Body)> Evict(string ns, string pod)
    {
        using var http = f.Server.Http(f.Server.AdminToken);
        var body = JsonSerializer.Serialize(new { kind = "Eviction", apiVersion = "policy/v1", metadata = new { name = pod, @namespace = ns }, deleteOptions = new { } });
        var (code, json, _) = await Raw.Send(http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods/{pod}/eviction", body);
        return (code, json);
    }

    [Fact]
    public async Task Eviction_BlockedBy429_ThenAllowedAndRecordedInTheBudget()
    {
        var ns = f.NewNamespace("evict");
        await ReadyPods(ns, await OwnNode(ns), "web", 2);
        await Budget(ns, "web-pdb", "web", minAvailable: 2);

        var (code, status) = await Evict(ns, "web-0");
        Assert.Equal(429, (int)code);
        Assert.Equal("TooManyRequests", status.Reason());
        Assert.Equal("Cannot evict pod as it would violate the pod's disruption budget.", status.Message());
        var cause = status.GetProperty("details").GetProperty("causes")[0];
        Assert.Equal("DisruptionBudget", cause.GetProperty("reason").GetString());
        Assert.Equal("The disruption budget web-pdb needs 2 healthy pods and has 2 currently", cause.GetProperty("message").GetString());
        var pdb = await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("web-pdb", ns);
        Assert.Equal(0, pdb.Status.DisruptionsAllowed);
        Assert.Equal(2, pdb.Status.CurrentHealthy);
        Assert.Equal(2, pdb.Status.ExpectedPods);
        Assert.Contains(pdb.Status.Conditions, c => c.Type == "DisruptionAllowed" && c.Status == "False" && c.Reason == "InsufficientPods");
        Assert.Null((await f.Admin.CoreV1.ReadNamespacedPodAsync("web-0", ns)).Metadata.DeletionTimestamp);

        await Retry.OnConflict(async () =>
        {
            var fresh = await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("web-pdb", ns);
            fresh.Spec.MinAvailable = 1;
            return await f.Admin.PolicyV1.ReplaceNamespacedPodDisruptionBudgetAsync(fresh, "web-pdb", ns);
        });
        (code, status) = await Evict(ns, "web-0");
        Assert.Equal(201, (int)code);
        Assert.Equal("Success", status.GetProperty("status").GetString());
        Assert.True(await Going(ns, "web-0"), "the evicted pod is not being deleted");
        pdb = await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("web-pdb", ns);
        Assert.Equal(0, pdb.Status.DisruptionsAllowed);

        (code, _) = await Evict(ns, "web-1"); // the other one would break the budget now
        Assert.Equal(429, (int)code);
    }

    [Fact]
    public async Task Eviction_OfPendingPods_AndWithoutBudgets_DeletesAtOnce()
    {
        var ns = f.NewNamespace("evictfree");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "pending", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Spec = new V1PodSpec { SchedulerName = Pods.NoScheduler, Containers = new List<V1Container> { new() { Name = "c", Image = "nginx" } } },
        }, ns);
        await Budget(ns, "strict", "web", minAvailable: 5);
        var (code, _) = await Evict(ns, "pending");
        Assert.Equal(201, (int)code);
        await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReadNamespacedPodAsync("pending", ns));

        await ReadyPods(ns, await OwnNode(ns), "free", 1);
        (code, _) = await Evict(ns, "free-0");
        Assert.Equal(201, (int)code);
        (code, var missing) = await Evict(ns, "nope");
        Assert.Equal(404, (int)code);
        Assert.Equal("pods \"nope\" not found", missing.Message());
    }

    [Fact]
    public async Task Eviction_WithTwoBudgets_Is500()
    {
        var ns = f.NewNamespace("evict2");
        await ReadyPods(ns, await OwnNode(ns), "web", 1);
        await Budget(ns, "one", "web", minAvailable: 0);
        await Budget(ns, "two", "web", maxUnavailable: 1);
        var (code, status) = await Evict(ns, "web-0");
        Assert.Equal(500, (int)code);
        Assert.Contains("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.", status.Message());
    }

    [Fact]
    public async Task KubectlDrain_RetriesOn429_AndSucceedsOnceTheBudgetAllows()
    {
        var ns = f.NewNamespace("drain");
        var node = await OwnNode(ns);
        await ReadyPods(ns, node, "web", 2);
        await Budget(ns, "web-pdb", "web", minAvailable: 2);

        var psi = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--kubeconfig", f.Server.KubeconfigPath, "--cache-dir", Path.Combine(f.Server.DataDir, "..", "kube-cache"),
                     "drain", node, "--force", "--ignore-daemonsets", "--timeout=60s" })
            psi.ArgumentList.Add(a);
        using var drain = Process.Start(psi)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        drain.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        drain.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        drain.BeginOutputReadLine();
        drain.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!Text(stderr).Contains("Cannot evict pod as it would violate the pod's disruption budget.") && DateTime.UtcNow < deadline)
                await Task.Delay(100);
            Assert.Contains($"error when evicting pods/\"web-0\" -n \"{ns}\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.", Text(stderr));
            Assert.True((await f.Admin.CoreV1.ReadNodeAsync(node)).Spec.Unschedulable);

            await Retry.OnConflict(async () =>
            {
                var pdb = await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("web-pdb", ns);
                pdb.Spec.MinAvailable = 0;
                return await f.Admin.PolicyV1.ReplaceNamespacedPodDisruptionBudgetAsync(pdb, "web-pdb", ns);
            });
            Assert.True(drain.WaitForExit(40_000), "drain did not finish: " + Text(stderr));
            drain.WaitForExit();
            Assert.True(drain.ExitCode == 0, Text(stdout) + Text(stderr));
            var output = Text(stdout);
            Assert.Contains($"node/{node} cordoned", output);
            Assert.Contains("pod/web-0 evicted", output);
            Assert.Contains("pod/web-1 evicted", output);
            Assert.Contains($"node/{node} drained", output);
            Assert.Empty((await f.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items);
        }
        finally
        {
            if (!drain.HasExited) drain.Kill(true);
        }
    }

    /// <summary>Being deleted (deletionTimestamp) or already gone.</summary>
    private async Task<bool> Going(string ns, string pod)
    {
        try { return (await f.Admin.CoreV1.ReadNamespacedPodAsync(pod, ns)).Metadata.DeletionTimestamp is not null; }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound) { return true; }
    }

    private static string Text(StringBuilder sb) { lock (sb) return sb.ToString(); }
}
