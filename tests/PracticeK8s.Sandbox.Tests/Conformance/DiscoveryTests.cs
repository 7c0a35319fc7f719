using System.Text.Json;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

[Collection(SandboxCollection.Name)]
public sealed class DiscoveryTests(SandboxFixture f)
{
    [Fact]
    public void KubectlApiResources_ListsEveryServedKind_WithShortNamesAndVerbs()
    {
        var output = f.Kubectl.Ok("api-resources", "-o", "wide");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        // kubectl lists each resource once, in its group's preferred version (the first one served).
        foreach (var def in BuiltinResources.List.DistinctBy(d => (d.Group, d.Plural)))
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(def.Plural + " ") && l.Contains($" {def.GroupVersion} "));
            Assert.True(line is not null, $"{def.Plural} ({def.GroupVersion}) missing from api-resources:\n{output}");
            Assert.Contains($" {def.Kind} ", line + " ");
            foreach (var s in def.ShortNames) Assert.Contains(s, line);
        }
        var pods = lines.Single(l => l.StartsWith("pods "));
        Assert.Contains("create,delete,deletecollection,get,list,patch,update,watch", pods);
        Assert.Contains("all", pods);
    }

    [Fact]
    public void TheServedKinds_AreTheSharedList_EachOnce()
    {
        // The module's kind catalog names its kinds from the same list (PracticeK8s.Printing.Catalog).
        Assert.Equal(Printing.Catalog.BuiltinKinds.All.Select(k => (k.Group, k.Version, k.Kind, k.Plural, k.Namespaced)),
            BuiltinResources.List.Select(d => (d.Group, d.Version, d.Kind, d.Plural, d.Namespaced)));
        Assert.All(BuiltinResources.List.Zip(Printing.Catalog.BuiltinKinds.All), p =>
        {
            Assert.Same(p.Second.ShortNames, p.First.ShortNames);
            Assert.Same(p.Second.Categories, p.First.Categories);
        });
    }

    [Fact]
    public async Task AggregatedDiscovery_IsServedForTheV2Accept_WithSubresourceKinds()
    {
        using var http = f.Server.Http(f.Server.AdminToken);
        var req = new HttpRequestMessage(HttpMethod.Get, "/apis");
        req.Headers.TryAddWithoutValidation("Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
        var response = await http.SendAsync(req);
        Assert.Equal("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("APIGroupDiscoveryList", doc.GetProperty("kind").GetString());
        var apps = doc.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("metadata").GetProperty("name").GetString() == "apps");
        var deployments = apps.GetProperty("versions")[0].GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("resource").GetString() == "deployments");
        Assert.Equal("Namespaced", deployments.GetProperty("scope").GetString());
        var scale = deployments.GetProperty("subresources").EnumerateArray().Single(s => s.GetProperty("subresource").GetString() == "scale");
        Assert.Equal("autoscaling", scale.GetProperty("responseKind").GetProperty("group").GetString());
        Assert.Equal("Scale", scale.GetProperty("responseKind").GetProperty("kind").GetString());

        var core = JsonDocument.Parse(await http.GetStringAsync("/api")).RootElement;
        Assert.Equal("APIVersions", core.GetProperty("kind").GetString());
        Assert.Equal($"127.0.0.1:{f.Server.Port}", core.GetProperty("serverAddressByClientCIDRs")[0].GetProperty("serverAddress").GetString());
    }

    [Fact]
    public async Task LegacyResourceList_HasEvictionInPolicyV1_AndCategoryAllMakesGetAllWork()
    {
        using var http = f.Server.Http(f.Server.AdminToken);
        var v1 = JsonDocument.Parse(await http.GetStringAsync("/api/v1")).RootElement;
        var eviction = v1.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "pods/eviction");
        Assert.Equal("policy", eviction.GetProperty("group").GetString());
        Assert.Equal("v1", eviction.GetProperty("version").GetString());
        Assert.Equal("Eviction", eviction.GetProperty("kind").GetString());

        var ns = f.NewNamespace("all");
        f.Kubectl.Ok("-n", ns, "create", "-f", f.TempFile("cm.json",
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"svc1"},"spec":{"ports":[{"port":80}]}}"""));
        var all = f.Kubectl.Ok("-n", ns, "get", "all");
        Assert.Contains("service/svc1", all);
    }
}
