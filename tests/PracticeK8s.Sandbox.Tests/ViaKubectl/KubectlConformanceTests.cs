using System.Text.Json;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.ViaKubectl;

/// <summary>Stock kubectl 1.32 as the referee: each command's stored result is read back through the API.</summary>
[Collection(SandboxCollection.Name)]
public sealed class KubectlConformanceTests(SandboxFixture f)
{
    private const string DeploymentYaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
              - name: sidecar
                image: busybox:1.36
        """;

    private string Apply(string ns, string yaml, params string[] extra) =>
        f.Kubectl.Ok(new[] { "-n", ns, "apply", "-f", f.TempFile("manifest.yaml", yaml) }.Concat(extra).ToArray()).Trim();

    [Fact]
    public async Task Get_TableYamlAndJson()
    {
        var ns = f.NewNamespace("kget");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "web-1" },
            Spec = new V1PodSpec { Containers = new List<V1Container> { new() { Name = "nginx", Image = "nginx" } } },
        }, ns);
        // The scheduler and the node's kubelet take it to Running.
        var table = f.Kubectl.WaitFor(@"web-1\s+1/1\s+Running\s+0\s+\d+s", "-n", ns, "get", "pods");
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n", table);
        var wide = f.Kubectl.Ok("-n", ns, "get", "pods", "-o", "wide");
        Assert.Matches(@"NOMINATED NODE\s+READINESS GATES", wide);

        var yaml = f.Kubectl.Ok("-n", ns, "get", "pod", "web-1", "-o", "yaml");
        Assert.Contains("restartPolicy: Always", yaml);
        Assert.Contains($"namespace: {ns}", yaml);
        var json = JsonDocument.Parse(f.Kubectl.Ok("-n", ns, "get", "pods", "-o", "json")).RootElement;
        Assert.Equal("List", json.GetProperty("kind").GetString());
        Assert.Equal("web-1", json.GetProperty("items")[0].GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("ClusterFirst", json.GetProperty("items")[0].GetProperty("spec").GetProperty("dnsPolicy").GetString());

        var missing = f.Kubectl.Run("-n", ns, "get", "pod", "nope");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Error from server (NotFound): pods \"nope\" not found", missing.Stderr);
    }

    [Fact]
    public async Task CreateFromFile_Replace_AndDeleteByNameFileAndLabel()
    {
        var ns = f.NewNamespace("kcreate");
        var file = f.TempFile("cms.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: one, labels: {group: a}}
            data: {k: v1}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: two, labels: {group: a}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: three, labels: {group: b}}
            """);
        Assert.Contains("configmap/one created", f.Kubectl.Ok("-n", ns, "create", "-f", file));
        Assert.Equal(3, (await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.WithoutClusterDefaults().Count());
        var again = f.Kubectl.Run("-n", ns, "create", "-f", file);
        Assert.Contains("AlreadyExists", again.Stderr);

        var replacement = f.TempFile("one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: one, labels: {group: a}}\ndata: {k: v2}\n");
        Assert.Contains("configmap/one replaced", f.Kubectl.Ok("-n", ns, "replace", "-f", replacement));
        Assert.Equal("v2", (await f.Admin.CoreV1.ReadNamespacedConfigMapAsync("one", ns)).Data["k"]);

        Assert.Contains("configmap \"three\" deleted", f.Kubectl.Ok("-n", ns, "delete", "configmap", "three"));
        Assert.Contains("configmap \"two\" deleted", f.Kubectl.Ok("-n", ns, "delete", "configmaps", "-l", "group=a"));
        Assert.Empty((await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.WithoutClusterDefaults());

        f.Kubectl.Ok("-n", ns, "create", "-f", file);
        Assert.Contains("configmap \"one\" deleted", f.Kubectl.Ok("-n", ns, "delete", "-f", file));
        Assert.Empty((await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.WithoutClusterDefaults());
    }

    [Fact]
    public async Task Apply_CreatedThenUnchangedThenConfigured()
    {
        var ns = f.NewNamespace("kapply");
        Assert.Equal("deployment.apps/web created", Apply(ns, DeploymentYaml));
        var created = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.True(created.Metadata.Annotations.ContainsKey("kubectl.kubernetes.io/last-applied-configuration"));
        Assert.Equal("deployment.apps/web unchanged", Apply(ns, DeploymentYaml));
        // Controllers keep writing status (new resourceVersions); the applied configuration is untouched.
        var unchanged = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal(created.Metadata.Generation, unchanged.Metadata.Generation);
        Assert.Equal(created.Metadata.Annotations["kubectl.kubernetes.io/last-applied-configuration"],
            unchanged.Metadata.Annotations["kubectl.kubernetes.io/last-applied-configuration"]);

        var changed = DeploymentYaml.Replace("replicas: 2", "replicas: 3").Replace("nginx:1.25", "nginx:1.27");
        Assert.Equal("deployment.apps/web configured", Apply(ns, changed));
        var configured = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal(3, configured.Spec.Replicas);
        Assert.Equal(new[] { "nginx:1.27", "busybox:1.36" }, configured.Spec.Template.Spec.Containers.Select(c => c.Image));
        Assert.Equal(2, configured.Metadata.Generation);
    }

    [Fact]
    public async Task Patch_Json_Merge_AndStrategicOnAContainerList()
    {
        var ns = f.NewNamespace("kpatch");
        Apply(ns, DeploymentYaml);
        f.Kubectl.Ok("-n", ns, "patch", "deployment", "web", "--type=json", "-p", """[{"op":"replace","path":"/spec/replicas","value":4}]""");
        f.Kubectl.Ok("-n", ns, "patch", "deployment", "web", "--type=merge", "-p", """{"metadata":{"labels":{"tier":"front"}}}""");
        f.Kubectl.Ok("-n", ns, "patch", "deployment", "web", "-p",
            """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox:1.37"}]}}}}""");
        var d = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal(4, d.Spec.Replicas);
        Assert.Equal("front", d.Metadata.Labels["tier"]);
        // Strategic merge merged the list by name: nginx kept, sidecar updated (a merge patch would have replaced the list).
        Assert.Equal(new[] { "nginx=nginx:1.25", "sidecar=busybox:1.37" }, d.Spec.Template.Spec.Containers.Select(c => $"{c.Name}={c.Image}"));

        var failedTest = f.Kubectl.Run("-n", ns, "patch", "deployment", "web", "--type=json", "-p", """[{"op":"test","path":"/spec/replicas","value":9}]""");
        Assert.NotEqual(0, failedTest.ExitCode);
        Assert.Equal(4, (await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns)).Spec.Replicas);
    }

    [Fact]
    public async Task Scale_AndEditWithAScriptedEditor()
    {
        var ns = f.NewNamespace("kscale");
        Apply(ns, DeploymentYaml);
        Assert.Contains("deployment.apps/web scaled", f.Kubectl.Ok("-n", ns, "scale", "deployment", "web", "--replicas=5"));
        Assert.Equal(5, (await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns)).Spec.Replicas);

        var editor = f.TempFile("editor.sh", "#!/bin/sh\nsed -i -e 's/replicas: 5/replicas: 7/' -e 's/image: busybox:1.36/image: busybox:1.38/' \"$1\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var r = f.Kubectl.Run(new[] { "-n", ns, "edit", "deployment", "web" }, null, new Dictionary<string, string> { ["KUBE_EDITOR"] = editor });
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("deployment.apps/web edited", r.Stdout);
        var d = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal(7, d.Spec.Replicas);
        Assert.Equal("busybox:1.38", d.Spec.Template.Spec.Containers.Single(c => c.Name == "sidecar").Image);
    }

    [Fact]
    public async Task StaleUpdate409_AndInvalid422_AsKubectlPrintsThem()
    {
        var ns = f.NewNamespace("kerr");
        Apply(ns, DeploymentYaml);
        var json = f.Kubectl.Ok("-n", ns, "get", "deployment", "web", "-o", "json");
        await Retry.OnConflict(async () =>
        {
            var current = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
            current.Spec.Replicas = 9;
            return await f.Admin.AppsV1.ReplaceNamespacedDeploymentAsync(current, "web", ns); // moves the resourceVersion on
        });
        var r = f.Kubectl.Run("-n", ns, "replace", "-f", f.TempFile("stale.json", json));
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Error from server (Conflict)", r.Stderr);
        Assert.Contains("the object has been modified", r.Stderr);
        Assert.Equal(9, (await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns)).Spec.Replicas);

        var invalid = f.Kubectl.Run("-n", ns, "scale", "deployment", "web", "--replicas=-1");
        Assert.NotEqual(0, invalid.ExitCode);
        var bad = f.Kubectl.Run("-n", ns, "create", "-f", f.TempFile("bad.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: BadName}\nspec:\n  containers:\n  - name: c\n"));
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("The Pod \"BadName\" is invalid", bad.Stderr);
        Assert.Contains("spec.containers[0].image: Required value", bad.Stderr);
        Assert.Contains("metadata.name: Invalid value: \"BadName\"", bad.Stderr);
    }

    [Fact]
    public void Explain_PodSpec_FromTheGeneratedOpenApi()
    {
        var text = f.Kubectl.Ok("explain", "pods.spec");
        Assert.Contains("KIND:       Pod", text);
        Assert.Contains("VERSION:    v1", text);
        Assert.Contains("FIELD: spec <PodSpec>", text);
        Assert.Contains("  containers\t<[]Container>", text);
        Assert.Contains("  restartPolicy\t<string>", text);
        Assert.Contains("There must be at least one container in a Pod.", text);
    }

    [Fact]
    public async Task CreateGenerators_SendProtobuf_AndTheObjectsArriveWhole()
    {
        var ns = $"gen-{Guid.NewGuid().ToString("N")[..6]}";
        Assert.Contains($"namespace/{ns} created", f.Kubectl.Ok("create", "namespace", ns));
        f.Kubectl.Ok("-n", ns, "create", "configmap", "settings", "--from-literal=mode=fast", "--from-literal=level=3");
        f.Kubectl.Ok("-n", ns, "create", "secret", "generic", "creds", "--from-literal=password=hunter2");
        f.Kubectl.Ok("-n", ns, "create", "serviceaccount", "robot");
        var created = await f.Admin.CoreV1.ReadNamespaceAsync(ns);
        Assert.Equal(new[] { "kubernetes" }, created.Spec.Finalizers);
        var cm = await f.Admin.CoreV1.ReadNamespacedConfigMapAsync("settings", ns);
        Assert.Equal("fast", cm.Data["mode"]);
        Assert.Equal("3", cm.Data["level"]);
        var secret = await f.Admin.CoreV1.ReadNamespacedSecretAsync("creds", ns);
        Assert.Equal("Opaque", secret.Type);
        Assert.Equal("hunter2", System.Text.Encoding.UTF8.GetString(secret.Data["password"]));
        Assert.NotNull(await f.Admin.CoreV1.ReadNamespacedServiceAccountAsync("robot", ns));
    }
}

