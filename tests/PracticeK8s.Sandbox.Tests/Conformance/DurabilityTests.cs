using System.Net;
using System.Text.Json;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

/// <summary>Each test runs its own sandbox process on its own data dir (they kill and restart it).</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pk8s-durability-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    [Fact]
    public async Task Kill9_AfterAcknowledgedWrites_LosesNothing()
    {
        var expected = new Dictionary<string, string>(); // name -> uid
        string lastRv, oldToken, oldCa, continueToken;
        using (var first = SandboxProcess.Start(_dir))
        {
            using var client = first.AdminClient();
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "keep" } });
            for (var i = 0; i < 40; i++)
            {
                var cm = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
                {
                    Metadata = new V1ObjectMeta { Name = $"cm-{i:D2}" },
                    Data = new Dictionary<string, string> { ["i"] = i.ToString() },
                }, "keep");
                expected[cm.Metadata.Name] = cm.Metadata.Uid;
            }
            await client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = "web" },
                Spec = new V1DeploymentSpec
                {
                    Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                        Spec = new V1PodSpec { Containers = new List<V1Container> { new() { Name = "c", Image = "nginx" } } },
                    },
                },
            }, "keep");
            await Retry.OnConflict(async () =>
            {
                var current = await client.AppsV1.ReadNamespacedDeploymentAsync("web", "keep");
                current.Spec.Replicas = 3;
                return await client.AppsV1.ReplaceNamespacedDeploymentAsync(current, "web", "keep");
            });
            continueToken = (await client.CoreV1.ListNamespacedConfigMapAsync("keep", limit: 5)).Metadata.ContinueProperty;
            await client.CoreV1.DeleteNamespacedConfigMapAsync("cm-05", "keep");
            expected.Remove("cm-05");
            lastRv = (await client.CoreV1.ListNamespacedConfigMapAsync("keep")).Metadata.ResourceVersion;
            oldToken = first.AdminToken;
            oldCa = File.ReadAllText(Path.Combine(_dir, "ca.crt"));
            first.Crash();
            Assert.True(first.HasExited);
        }

        using var second = SandboxProcess.Start(_dir);
        Assert.Equal(oldToken, second.AdminToken);
        Assert.Equal(oldCa, File.ReadAllText(Path.Combine(_dir, "ca.crt")));
        using var after = second.AdminClient();
        var list = await after.CoreV1.ListNamespacedConfigMapAsync("keep");
        Assert.Equal(expected.OrderBy(e => e.Key).Select(e => $"{e.Key}={e.Value}"),
            list.Items.WithoutClusterDefaults().Select(c => $"{c.Metadata.Name}={c.Metadata.Uid}"));
        Assert.Equal("39", list.Items.Single(c => c.Metadata.Name == "cm-39").Data["i"]);
        var web = await after.AppsV1.ReadNamespacedDeploymentAsync("web", "keep");
        Assert.Equal(3, web.Spec.Replicas);
        Assert.Equal(2, web.Metadata.Generation);
        // The counter went on from where it was (controllers and kubelets write again after a restart).
        Assert.True(long.Parse(list.Metadata.ResourceVersion) >= long.Parse(lastRv));

        var next = await after.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "later" } }, "keep");
        Assert.True(long.Parse(next.Metadata.ResourceVersion) > long.Parse(lastRv));

        // History did not survive: resuming from before the restart is "too old".
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() =>
            after.CoreV1.ListNamespacedConfigMapAsync("keep", limit: 5, continueParameter: continueToken));
        Assert.Equal(HttpStatusCode.Gone, stale.Response.StatusCode);
        Assert.Contains("\"reason\":\"Expired\"", stale.Response.Content);
        using var http = second.Http(second.AdminToken);
        var watch = await http.GetStringAsync($"/api/v1/namespaces/keep/configmaps?watch=true&resourceVersion=2");
        var error = JsonDocument.Parse(watch.Split('\n')[0]).RootElement;
        Assert.Equal("ERROR", error.GetProperty("type").GetString());
        Assert.Equal(410, error.GetProperty("object").GetProperty("code").GetInt32());
        Assert.StartsWith("too old resource version: 2", error.GetProperty("object").GetProperty("message").GetString());
    }

    [Fact]
    public void SigTerm_StopsCleanly_AndRemovesTheReadyFile()
    {
        var server = SandboxProcess.Start(_dir);
        Assert.True(File.Exists(Path.Combine(_dir, "sandbox.json")));
        Assert.Equal(0, server.Stop());
        Assert.False(File.Exists(Path.Combine(_dir, "sandbox.json")));
        server.Dispose();
    }

    [Fact]
    public void GivenTokens_AreUsed_AndBootstrapNamespacesExist()
    {
        using var server = SandboxProcess.Start(_dir, null, "--token", "admin-secret", "--readonly-token", "reader-secret");
        Assert.Equal("admin-secret", server.AdminToken);
        Assert.Equal("reader-secret", server.ReadOnlyToken);
        using var client = server.AdminClient();
        var names = client.CoreV1.ListNamespace().Items.Select(n => n.Metadata.Name).ToList();
        Assert.Equal(new[] { "default", "ingress-nginx", "kube-node-lease", "kube-public", "kube-system" }, names);
        Assert.All(client.CoreV1.ListNamespace().Items, n => Assert.Equal("Active", n.Status.Phase));
    }
}
