using System.Text.Json;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.ViaKubectl;

/// <summary>Server-side apply and managedFields, with stock kubectl (server- and client-side apply) and KubernetesClient.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ServerSideApplyTests(SandboxFixture f)
{
    private static string Deployment(int replicas, string extraLabel = "") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web{{extraLabel}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
        """;

    private string File(string yaml) => f.TempFile("deploy.yaml", yaml);

    private JsonElement Live(string ns, string kind = "deployment", string name = "web") =>
        JsonDocument.Parse(f.Kubectl.Ok("-n", ns, "get", kind, name, "-o", "json", "--show-managed-fields")).RootElement;

    private static JsonElement Entry(JsonElement obj, string manager) =>
        obj.GetProperty("metadata").GetProperty("managedFields").EnumerateArray().Single(e => e.GetProperty("manager").GetString() == manager);

    private static bool Owns(JsonElement entry, params string[] path)
    {
        var node = entry.GetProperty("fieldsV1");
        foreach (var p in path)
            if (!node.TryGetProperty(p, out node)) return false;
        return true;
    }

    [Fact]
    public void ServerSideApply_ConflictThenForce_AsAServerDoes()
    {
        var ns = f.NewNamespace("ssa");
        Assert.Equal("deployment.apps/web serverside-applied", f.Kubectl.Ok("-n", ns, "apply", "--server-side", "-f", File(Deployment(2))).Trim());
        var live = Live(ns);
        var kubectl = Entry(live, "kubectl");
        Assert.Equal("Apply", kubectl.GetProperty("operation").GetString());
        Assert.Equal("apps/v1", kubectl.GetProperty("apiVersion").GetString());
        Assert.Equal("FieldsV1", kubectl.GetProperty("fieldsType").GetString());
        Assert.True(Owns(kubectl, "f:spec", "f:replicas"));
        Assert.True(Owns(kubectl, "f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"nginx\"}", "f:image"));
        Assert.True(Owns(kubectl, "f:metadata", "f:labels", "f:app"));
        Assert.False(Owns(kubectl, "f:spec", "f:template", "f:spec", "f:dnsPolicy")); // defaults are nobody's in an apply

        var conflict = f.Kubectl.Run("-n", ns, "apply", "--server-side", "--field-manager=other", "-f", File(Deployment(5)));
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas", conflict.Stderr);
        Assert.Equal(2, Live(ns).GetProperty("spec").GetProperty("replicas").GetInt32());

        f.Kubectl.Ok("-n", ns, "apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", File(Deployment(5)));
        live = Live(ns);
        Assert.Equal(5, live.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.True(Owns(Entry(live, "other"), "f:spec", "f:replicas"));
        Assert.False(Owns(Entry(live, "kubectl"), "f:spec", "f:replicas"));
        Assert.True(Owns(Entry(live, "kubectl"), "f:spec", "f:template", "f:spec", "f:containers")); // shared fields stay co-owned
        Assert.True(Owns(Entry(live, "other"), "f:spec", "f:template", "f:spec", "f:containers"));
    }

    [Fact]
    public void ServerSideApply_RemovesWhatTheManagerStopsApplying()
    {
        var ns = f.NewNamespace("ssaprune");
        f.Kubectl.Ok("-n", ns, "apply", "--server-side", "-f", File(Deployment(1, "\n    tier: front")));
        Assert.Equal("front", Live(ns).GetProperty("metadata").GetProperty("labels").GetProperty("tier").GetString());
        f.Kubectl.Ok("-n", ns, "apply", "--server-side", "-f", File(Deployment(1)));
        Assert.False(Live(ns).GetProperty("metadata").GetProperty("labels").TryGetProperty("tier", out _));
    }

    [Fact]
    public void ClientSideAndServerSideApply_InteroperateOnOneObject()
    {
        var ns = f.NewNamespace("csa");
        Assert.Equal("deployment.apps/web created", f.Kubectl.Ok("-n", ns, "apply", "-f", File(Deployment(2))).Trim());
        var csa = Entry(Live(ns), "kubectl-client-side-apply");
        Assert.Equal("Update", csa.GetProperty("operation").GetString());
        Assert.True(Owns(csa, "f:metadata", "f:annotations", "f:kubectl.kubernetes.io/last-applied-configuration"));
        Assert.True(Owns(csa, "f:spec", "f:replicas"));

        // Another manager may not take fields client-side apply set...
        var conflict = f.Kubectl.Run("-n", ns, "apply", "--server-side", "--field-manager=ci", "-f", File(Deployment(3)));
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas", conflict.Stderr);

        // ...but kubectl's own server-side apply upgrades from client-side apply without conflicts, and keeps the annotation in step.
        f.Kubectl.Ok("-n", ns, "apply", "--server-side", "-f", File(Deployment(3)));
        var live = Live(ns);
        Assert.Equal(3, live.GetProperty("spec").GetProperty("replicas").GetInt32());
        var annotation = JsonDocument.Parse(live.GetProperty("metadata").GetProperty("annotations")
            .GetProperty("kubectl.kubernetes.io/last-applied-configuration").GetString()!).RootElement;
        Assert.Equal(3, annotation.GetProperty("spec").GetProperty("replicas").GetInt32());

        // and client-side apply still works on it afterwards
        Assert.Equal("deployment.apps/web configured", f.Kubectl.Ok("-n", ns, "apply", "-f", File(Deployment(4))).Trim());
        Assert.Equal(4, Live(ns).GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal("deployment.apps/web unchanged", f.Kubectl.Ok("-n", ns, "apply", "-f", File(Deployment(4))).Trim());
    }

    [Fact]
    public void UpdatesRecordTheirManager_AsARealServerShowsIt()
    {
        var ns = f.NewNamespace("mf");
        f.Kubectl.Ok("-n", ns, "create", "-f", f.TempFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: fast}\n"));
        var created = Entry(Live(ns, "configmap", "settings"), "kubectl-create");
        Assert.Equal("Update", created.GetProperty("operation").GetString());
        Assert.Equal("v1", created.GetProperty("apiVersion").GetString());
        Assert.Equal("{\"f:data\":{\".\":{},\"f:mode\":{}}}", created.GetProperty("fieldsV1").Compact());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", created.GetProperty("time").GetString()!);

        f.Kubectl.Ok("-n", ns, "label", "configmap", "settings", "team=a");
        var labelled = Entry(Live(ns, "configmap", "settings"), "kubectl-label");
        Assert.Equal("{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:team\":{}}}}", labelled.GetProperty("fieldsV1").Compact());

        f.Kubectl.Ok("-n", ns, "create", "deployment", "scaled", "--image=nginx");
        f.Kubectl.Ok("-n", ns, "scale", "deployment", "scaled", "--replicas=3");
        var scale = Live(ns, "deployment", "scaled").GetProperty("metadata").GetProperty("managedFields").EnumerateArray()
            .Single(e => e.TryGetProperty("subresource", out var s) && s.GetString() == "scale");
        Assert.Equal("{\"f:spec\":{\"f:replicas\":{}}}", scale.GetProperty("fieldsV1").Compact());
        Assert.StartsWith("kubectl", scale.GetProperty("manager").GetString());
    }

    [Fact]
    public async Task KubernetesClient_ApplyPatch_CreatesUpdatesAndNeedsAFieldManager()
    {
        var ns = f.NewNamespace("ssaclient");
        var config = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "app" }, Data = new Dictionary<string, string> { ["a"] = "1" } };
        var created = await f.Admin.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "app", ns, fieldManager: "tool");
        Assert.Equal("1", created.Data["a"]);
        Assert.Equal("Apply", created.Metadata.ManagedFields.Single().Operation);

        config.Data = new Dictionary<string, string> { ["b"] = "2" };
        var updated = await f.Admin.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "app", ns, fieldManager: "tool");
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2" }, updated.Data);

        var noManager = await Assert.ThrowsAsync<HttpOperationException>(() =>
            f.Admin.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "app", ns));
        Assert.Equal(422, (int)noManager.Response.StatusCode);
        Assert.Contains("fieldManager: Required value: is required for apply patch", noManager.Response.Content);

        await f.Admin.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"b\":\"3\"}}", V1Patch.PatchType.MergePatch), "app", ns, fieldManager: "editor");
        config.Data = new Dictionary<string, string> { ["b"] = "4" };
        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() =>
            f.Admin.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "app", ns, fieldManager: "tool"));
        Assert.Equal(409, (int)conflict.Response.StatusCode);
        var status = JsonDocument.Parse(conflict.Response.Content).RootElement;
        Assert.Equal("Conflict", status.GetProperty("reason").GetString());
        Assert.Equal("Apply failed with 1 conflict: conflict with \"editor\" using v1: .data.b", status.GetProperty("message").GetString());
        var cause = status.GetProperty("details").GetProperty("causes")[0];
        Assert.Equal("FieldManagerConflict", cause.GetProperty("reason").GetString());
        Assert.Equal("conflict with \"editor\" using v1", cause.GetProperty("message").GetString());
        Assert.Equal(".data.b", cause.GetProperty("field").GetString());

        var forced = await f.Admin.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "app", ns, fieldManager: "tool", force: true);
        Assert.Equal("4", forced.Data["b"]);
        Assert.DoesNotContain(forced.Metadata.ManagedFields, m => m.Manager == "editor");
    }
}

internal static class JsonCompact
{
    public static string Compact(this JsonElement e) => JsonSerializer.Serialize(e);
}
