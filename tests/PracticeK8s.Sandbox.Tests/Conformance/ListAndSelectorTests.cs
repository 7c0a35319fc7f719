using System.Net;
using System.Text.Json;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

[Collection(SandboxCollection.Name)]
public sealed class ListAndSelectorTests(SandboxFixture f)
{
    private async Task<string> SeedConfigMaps(string prefix, params (string Name, Dictionary<string, string> Labels)[] items)
    {
        var ns = f.NewNamespace(prefix);
        foreach (var (name, labels) in items)
            await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, ns);
        return ns;
    }

    private static Dictionary<string, string> L(params string[] kv) =>
        kv.Select(s => s.Split('=')).ToDictionary(p => p[0], p => p[1]);

    [Theory]
    [InlineData("app=web", "a,b")]
    [InlineData("app==web", "a,b")]
    [InlineData("app!=web", "c,d")]
    [InlineData("tier in (front,back)", "a,b,c")]
    [InlineData("tier in (front)", "a")]
    [InlineData("tier notin (front)", "b,c,d")]
    [InlineData("tier", "a,b,c")]
    [InlineData("!tier", "d")]
    [InlineData("app=web,tier=back", "b")]
    public async Task LabelSelectors_AllOperators(string selector, string expected)
    {
        var ns = await SeedConfigMaps("labels",
            ("a", L("app=web", "tier=front")), ("b", L("app=web", "tier=back")), ("c", L("app=db", "tier=back")), ("d", L("app=db")));
        var list = await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: selector);
        Assert.Equal(expected, string.Join(",", list.Items.WithoutClusterDefaults().Select(i => i.Metadata.Name)));
    }

    [Fact]
    public async Task BadSelectors_Are400()
    {
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "a in (x"));
        Assert.Equal(HttpStatusCode.BadRequest, e.Response.StatusCode);
        e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ListNamespacedPodAsync("default", fieldSelector: "spec.image=x"));
        Assert.Equal(HttpStatusCode.BadRequest, e.Response.StatusCode);
        Assert.Contains("field label not supported: spec.image", e.Response.Content);
    }

    [Fact]
    public async Task FieldSelectors_PerKind()
    {
        var ns = f.NewNamespace("fields");
        Task<V1Pod> Pod(string name, string? node) => f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1PodSpec
            {
                NodeName = node, SchedulerName = node is null ? SandboxFixture.NoScheduler : null,
                Containers = new List<V1Container> { new() { Name = "c", Image = "busybox" } },
            },
        }, ns);
        await Pod("p1", "sandbox-node-1");
        await Pod("p2", "sandbox-node-2");
        await Pod("p3", null);
        var onNode1 = await f.Admin.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "spec.nodeName=sandbox-node-1");
        Assert.Equal(new[] { "p1" }, onNode1.Items.Where(p => p.Metadata.NamespaceProperty == ns).Select(p => p.Metadata.Name));
        var notSucceeded = await f.Admin.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "spec.nodeName=sandbox-node-2,status.phase!=Succeeded,status.phase!=Failed");
        Assert.Equal(new[] { "p2" }, notSucceeded.Items.Select(p => p.Metadata.Name));
        var byName = await f.Admin.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "metadata.name=p3");
        Assert.Equal(new[] { "p3" }, byName.Items.Select(p => p.Metadata.Name));
        var unscheduled = await f.Admin.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "spec.nodeName=");
        Assert.Equal(new[] { "p3" }, unscheduled.Items.Select(p => p.Metadata.Name));

        await f.Admin.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "p1.1" },
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "p1", NamespaceProperty = ns },
            Reason = "Scheduled", Type = "Normal", Message = "assigned",
        }, ns);
        var events = await f.Admin.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: $"involvedObject.name=p1,involvedObject.namespace={ns},type=Normal,reason=Scheduled");
        Assert.Single(events.Items);
        Assert.Empty((await f.Admin.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "involvedObject.name=p2,reason=Scheduled")).Items);
    }

    [Fact]
    public async Task LimitAndContinue_PageThroughOneSnapshot()
    {
        var ns = await SeedConfigMaps("pages", Enumerable.Range(0, 5).Select(i => ($"cm-{i}", L("x=y"))).ToArray());
        var first = await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2);
        Assert.Equal(new[] { "cm-0", "cm-1" }, first.Items.Select(i => i.Metadata.Name));
        Assert.Equal(4, first.Metadata.RemainingItemCount); // cm-2…cm-4 and the namespace's kube-root-ca.crt
        Assert.False(string.IsNullOrEmpty(first.Metadata.ContinueProperty));

        // Changes after the first page are not visible in later pages: the snapshot is the first page's.
        await f.Admin.CoreV1.DeleteNamespacedConfigMapAsync("cm-3", ns);
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm-9" } }, ns);
        var names = first.Items.Select(i => i.Metadata.Name).ToList();
        var token = first.Metadata.ContinueProperty;
        while (!string.IsNullOrEmpty(token))
        {
            var page = await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: token);
            Assert.Equal(first.Metadata.ResourceVersion, page.Metadata.ResourceVersion);
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            token = page.Metadata.ContinueProperty;
        }
        Assert.Equal(new[] { "cm-0", "cm-1", "cm-2", "cm-3", "cm-4", SandboxFixture.RootCaConfigMap }, names);
        var now = await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns);
        Assert.Equal(new[] { "cm-0", "cm-1", "cm-2", "cm-4", "cm-9" }, now.Items.WithoutClusterDefaults().Select(i => i.Metadata.Name));
    }

    [Fact]
    public async Task ResourceVersionMatchExact_ListsThePastState_AndNeedsAResourceVersion()
    {
        var ns = await SeedConfigMaps("exact", ("a", L("x=y")));
        var before = await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns);
        await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b" } }, ns);
        var past = await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns, resourceVersion: before.Metadata.ResourceVersion, resourceVersionMatch: "Exact");
        Assert.Equal(new[] { "a" }, past.Items.WithoutClusterDefaults().Select(i => i.Metadata.Name));
        Assert.Equal(before.Metadata.ResourceVersion, past.Metadata.ResourceVersion);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns, resourceVersionMatch: "Exact"));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
    }

    [Fact]
    public async Task TableOutput_HasThePrintingLibrarysColumns_AndTheRequestedRowObject()
    {
        var ns = f.NewNamespace("table");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            // A scheduler that does not exist: the pod stays Pending (the default scheduler leaves it alone).
            Spec = new V1PodSpec { SchedulerName = SandboxFixture.NoScheduler, Containers = new List<V1Container> { new() { Name = "c", Image = "nginx" } } },
        }, ns);
        using var http = f.Server.Http(f.Server.AdminToken);
        const string accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
        var (_, table, _) = await Raw.Send(http, HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods?limit=500", accept: accept);
        Assert.Equal("Table", table.GetProperty("kind").GetString());
        var columns = table.GetProperty("columnDefinitions").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(new[] { "Name", "Ready", "Status", "Restarts", "Age" }, columns.Take(5));
        var row = table.GetProperty("rows")[0];
        Assert.Equal("web", row.GetProperty("cells")[0].GetString());
        Assert.Equal("0/1", row.GetProperty("cells")[1].GetString());
        Assert.Equal("Pending", row.GetProperty("cells")[2].GetString());
        Assert.Equal("PartialObjectMetadata", row.GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal("web", row.GetProperty("object").GetProperty("metadata").GetProperty("labels").GetProperty("app").GetString());

        var (_, full, _) = await Raw.Send(http, HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods/web?includeObject=Object", accept: accept);
        Assert.Equal("Pod", full.GetProperty("rows")[0].GetProperty("object").GetProperty("kind").GetString());
        var (code, _, _) = await Raw.Send(http, HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods", accept: "application/vnd.kubernetes.protobuf");
        Assert.Equal(HttpStatusCode.NotAcceptable, code);
    }
}
