using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

[Collection(SandboxCollection.Name)]
public sealed class CreateUpdateTests(SandboxFixture f)
{
    private static V1Deployment Deployment(string name, int replicas = 2) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = new List<V1Container> { new() { Name = "nginx", Image = "nginx:1.25" } } },
            },
        },
    };

    [Fact]
    public async Task Create_FillsServerFields_AndDefaults()
    {
        var ns = f.NewNamespace("create");
        var before = long.Parse((await f.Admin.CoreV1.ListNamespacedPodAsync(ns)).Metadata.ResourceVersion);
        var d = await f.Admin.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), ns);
        Assert.False(string.IsNullOrEmpty(d.Metadata.Uid));
        Assert.True(long.Parse(d.Metadata.ResourceVersion) > before);
        Assert.Equal(1, d.Metadata.Generation);
        Assert.NotNull(d.Metadata.CreationTimestamp);
        Assert.Equal("RollingUpdate", d.Spec.Strategy.Type);
        Assert.Equal("25%", d.Spec.Strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal(10, d.Spec.RevisionHistoryLimit);
        Assert.Equal(600, d.Spec.ProgressDeadlineSeconds);
        var pod = d.Spec.Template.Spec;
        Assert.Equal("Always", pod.RestartPolicy);
        Assert.Equal("ClusterFirst", pod.DnsPolicy);
        Assert.Equal("default-scheduler", pod.SchedulerName);
        Assert.Equal(30, pod.TerminationGracePeriodSeconds);
        Assert.Equal("IfNotPresent", pod.Containers[0].ImagePullPolicy);

        var svc = await f.Admin.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = new List<V1ServicePort> { new() { Port = 80 } } },
        }, ns);
        Assert.Equal("ClusterIP", svc.Spec.Type);
        Assert.Equal("None", svc.Spec.SessionAffinity);
        Assert.Equal("TCP", svc.Spec.Ports[0].Protocol);
        Assert.Equal("80", svc.Spec.Ports[0].TargetPort.Value);
        Assert.StartsWith("10.96.", svc.Spec.ClusterIP);

        // The deployment controller writes status meanwhile (new resourceVersions); the object is the one created.
        var stored = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal(d.Metadata.Uid, stored.Metadata.Uid);
        Assert.Equal(1, stored.Metadata.Generation);
    }

    [Fact]
    public async Task GenerateName_MakesAUniqueName()
    {
        var ns = f.NewNamespace("gen");
        var cm = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "settings-" } };
        var a = await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(cm, ns);
        var b = await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(cm, ns);
        Assert.Matches("^settings-[bcdfghjklmnpqrstvwxz2456789]{5}$", a.Metadata.Name);
        Assert.NotEqual(a.Metadata.Name, b.Metadata.Name);
        Assert.Equal(2, (await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.WithoutClusterDefaults().Count());
    }

    [Fact]
    public async Task Update_WithStaleResourceVersion_Is409_AndSpecChangeBumpsGeneration()
    {
        var ns = f.NewNamespace("update");
        var created = await f.Admin.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), ns);
        var updated = await Retry.OnConflict(async () =>
        {
            var current = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
            current.Spec.Replicas = 5;
            return await f.Admin.AppsV1.ReplaceNamespacedDeploymentAsync(current, "web", ns);
        });
        Assert.Equal(2, updated.Metadata.Generation);
        Assert.Equal(5, updated.Spec.Replicas);

        created.Spec.Replicas = 7; // still carries the first resourceVersion
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.AppsV1.ReplaceNamespacedDeploymentAsync(created, "web", ns));
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        var status = JsonDocument.Parse(e.Response.Content).RootElement;
        Assert.Equal("Conflict", status.Reason());
        Assert.Equal("Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again",
            status.Message());
        Assert.Equal(5, (await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns)).Spec.Replicas);

        var relabelled = await Retry.OnConflict(async () =>
        {
            var current = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
            current.Metadata.Labels["touched"] = "yes"; // metadata only: generation stays
            return await f.Admin.AppsV1.ReplaceNamespacedDeploymentAsync(current, "web", ns);
        });
        Assert.Equal(2, relabelled.Metadata.Generation);
    }

    [Fact]
    public async Task InvalidObjects_Are422_WithFieldCauses()
    {
        var ns = f.NewNamespace("invalid");
        var bad = Deployment("Bad_Name", replicas: -1);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.AppsV1.CreateNamespacedDeploymentAsync(bad, ns));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        var status = JsonDocument.Parse(e.Response.Content).RootElement;
        Assert.Equal("Invalid", status.Reason());
        Assert.StartsWith("Deployment.apps \"Bad_Name\" is invalid: [metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain", status.Message());
        var causes = status.GetProperty("details").GetProperty("causes").EnumerateArray().ToList();
        Assert.Contains(causes, c => c.GetProperty("field").GetString() == "spec.replicas"
            && c.GetProperty("reason").GetString() == "FieldValueInvalid"
            && c.GetProperty("message").GetString() == "Invalid value: -1: must be greater than or equal to 0");
        Assert.Equal("Deployment", status.GetProperty("details").GetProperty("kind").GetString());

        var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = "p" }, Spec = new V1PodSpec { Containers = new List<V1Container> { new() { Name = "c" } } } };
        e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.CreateNamespacedPodAsync(pod, ns));
        status = JsonDocument.Parse(e.Response.Content).RootElement;
        Assert.Equal("Pod \"p\" is invalid: spec.containers[0].image: Required value", status.Message());
        Assert.Equal("FieldValueRequired", status.GetProperty("details").GetProperty("causes")[0].GetProperty("reason").GetString());
        Assert.Empty((await f.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items);

        var noName = await Assert.ThrowsAsync<HttpOperationException>(() =>
            f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta() }, ns));
        Assert.Contains("metadata.name: Required value: name or generateName is required", noName.Response.Content);
    }

    [Fact]
    public async Task Create_Duplicate409_MissingNamespace404_WrongNamespace400()
    {
        var ns = f.NewNamespace("dup");
        var cm = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } };
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(cm, ns);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.CreateNamespacedConfigMapAsync(cm, ns));
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        Assert.Contains("\"reason\":\"AlreadyExists\"", e.Response.Content);
        Assert.Contains("configmaps \\\"cm\\\" already exists", e.Response.Content);

        e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.CreateNamespacedConfigMapAsync(cm, "no-such-ns"));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
        Assert.Contains("namespaces \\\"no-such-ns\\\" not found", e.Response.Content);

        var other = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "elsewhere" } };
        e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.CreateNamespacedConfigMapAsync(other, ns));
        Assert.Equal(HttpStatusCode.BadRequest, e.Response.StatusCode);
        Assert.Contains("does not match the namespace sent on the request", e.Response.Content);
    }

    [Fact]
    public async Task DryRun_ValidatesButStoresNothing()
    {
        var ns = f.NewNamespace("dry");
        var rv = (await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Metadata.ResourceVersion;
        var cm = await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, ns, dryRun: "All");
        Assert.Equal("cm", cm.Metadata.Name);
        var list = await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns);
        Assert.Empty(list.Items.WithoutClusterDefaults());
        Assert.Equal(rv, list.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task StrictFieldValidation_RejectsUnknownFields_WarnPrunesThem()
    {
        var ns = f.NewNamespace("strict");
        using var http = f.Server.Http(f.Server.AdminToken);
        var body = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"foo":1,"containers":[{"name":"c","image":"nginx","bar":true}]}}""";
        var (code, status, _) = await Raw.Send(http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods?fieldValidation=Strict", body);
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("strict decoding error: unknown field \"spec.foo\", unknown field \"spec.containers[0].bar\"", status.Message());

        var (created, pod, response) = await Raw.Send(http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods", body);
        Assert.True(created == HttpStatusCode.Created, f.Server.StandardError + pod);
        Assert.False(pod.GetProperty("spec").TryGetProperty("foo", out _));
        Assert.Contains(response.Headers.GetValues("Warning"), w => w.Contains("unknown field \\\"spec.foo\\\""));
    }

    [Fact]
    public async Task YamlBodies_AreAccepted()
    {
        var ns = f.NewNamespace("yaml");
        using var http = f.Server.Http(f.Server.AdminToken);
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  port: \"8080\"\n  enabled: 'true'\n";
        var (code, cm, _) = await Raw.Send(http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", yaml, "application/yaml");
        Assert.Equal(HttpStatusCode.Created, code);
        var stored = await f.Admin.CoreV1.ReadNamespacedConfigMapAsync("from-yaml", ns);
        Assert.Equal("8080", stored.Data["port"]);
        Assert.Equal("true", stored.Data["enabled"]);
    }

    [Fact]
    public async Task UnknownPaths404_WrongMethods405_UnknownMediaTypes415()
    {
        using var http = f.Server.Http(f.Server.AdminToken);
        var (code, status, _) = await Raw.Send(http, HttpMethod.Get, "/api/v1/widgets");
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("the server could not find the requested resource", status.Message());
        (code, status, _) = await Raw.Send(http, HttpMethod.Delete, "/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, code);
        Assert.Equal("MethodNotAllowed", status.Reason());
        (code, status, _) = await Raw.Send(http, HttpMethod.Post, "/api/v1/namespaces/default/configmaps", "x", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, code);
        Assert.Equal("UnsupportedMediaType", status.Reason());
    }

    [Fact]
    public async Task ImmutableFields_PodSpecExceptImages_AndServiceClusterIP()
    {
        var ns = f.NewNamespace("immutable");
        var pod = await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Spec = new V1PodSpec { SchedulerName = SandboxFixture.NoScheduler, Containers = new List<V1Container> { new() { Name = "c", Image = "nginx:1.25" } } },
        }, ns);
        pod.Spec.Containers[0].Image = "nginx:1.27";
        pod = await f.Admin.CoreV1.ReplaceNamespacedPodAsync(pod, "p", ns);
        Assert.Equal("nginx:1.27", pod.Spec.Containers[0].Image);
        pod.Spec.RestartPolicy = "Never";
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReplaceNamespacedPodAsync(pod, "p", ns));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        Assert.Contains("spec: Forbidden: pod updates may not change fields other than", e.Response.Content);
        Assert.Equal("Always", (await f.Admin.CoreV1.ReadNamespacedPodAsync("p", ns)).Spec.RestartPolicy);

        var svc = await f.Admin.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "s" },
            Spec = new V1ServiceSpec { Ports = new List<V1ServicePort> { new() { Port = 80 } } },
        }, ns);
        var ip = svc.Spec.ClusterIP;
        svc.Spec.ClusterIP = "10.96.255.254";
        svc.Spec.ClusterIPs = new List<string> { "10.96.255.254" };
        e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReplaceNamespacedServiceAsync(svc, "s", ns));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        Assert.Equal(ip, (await f.Admin.CoreV1.ReadNamespacedServiceAsync("s", ns)).Spec.ClusterIP);
    }
}

