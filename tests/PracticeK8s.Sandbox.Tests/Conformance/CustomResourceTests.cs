using System.Text.Json;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

[Collection(SandboxCollection.Name)]
public sealed class CustomResourceTests(SandboxFixture f)
{
    public const string Crd = """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced",
           "names":{"plural":"widgets","singular":"widget","kind":"Widget","shortNames":["wd"]},
           "versions":[{"name":"v1","served":true,"storage":true,
             "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},
             "subresources":{"status":{}},
             "additionalPrinterColumns":[{"name":"Size","type":"integer","jsonPath":".spec.size"}]}]}}
        """;

    [Fact]
    public async Task Crd_ServesItsCustomResources_ThroughTheClientAndKubectl()
    {
        using var http = f.Server.Http(f.Server.AdminToken);
        var (code, crd, _) = await Raw.Send(http, HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Crd);
        Assert.True(code is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Conflict, crd.ToString());
        var stored = await f.Admin.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        Assert.Contains(stored.Status.Conditions, c => c.Type == "Established" && c.Status == "True");

        var ns = f.NewNamespace("crd");
        var widget = new Dictionary<string, object>
        {
            ["apiVersion"] = "example.com/v1", ["kind"] = "Widget",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "w1" },
            ["spec"] = new Dictionary<string, object> { ["size"] = 3 },
        };
        await f.Admin.CustomObjects.CreateNamespacedCustomObjectAsync(widget, "example.com", "v1", ns, "widgets");
        var list = (JsonElement)await f.Admin.CustomObjects.ListNamespacedCustomObjectAsync("example.com", "v1", ns, "widgets");
        var item = list.GetProperty("items")[0];
        Assert.Equal("w1", item.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(1, item.GetProperty("metadata").GetProperty("generation").GetInt32());
        Assert.Equal("WidgetList", list.GetProperty("kind").GetString());

        var table = f.Kubectl.Ok("-n", ns, "get", "wd");
        Assert.Matches(@"NAME\s+SIZE\s+AGE", table);
        Assert.Matches(@"w1\s+3\s+\d+s", table);

        // Strategic merge patch is for built-in kinds only.
        var (patchCode, status, _) = await Raw.Send(http, HttpMethod.Patch, $"/apis/example.com/v1/namespaces/{ns}/widgets/w1",
            """{"spec":{"size":4}}""", "application/strategic-merge-patch+json");
        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, patchCode);
        Assert.Equal("UnsupportedMediaType", status.Reason());
        var (mergeCode, merged, _) = await Raw.Send(http, HttpMethod.Patch, $"/apis/example.com/v1/namespaces/{ns}/widgets/w1",
            """{"spec":{"size":4}}""", "application/merge-patch+json");
        Assert.Equal(System.Net.HttpStatusCode.OK, mergeCode);
        Assert.Equal(4, merged.GetProperty("spec").GetProperty("size").GetInt32());
        Assert.Equal(2, merged.GetProperty("metadata").GetProperty("generation").GetInt32());

        // Deleting the CRD removes its custom resources, then the CRD itself.
        await f.Admin.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.com");
        var deadline = DateTime.UtcNow.AddSeconds(8);
        while (DateTime.UtcNow < deadline && (await f.Admin.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items.Any(c => c.Metadata.Name == "widgets.example.com"))
            await Task.Delay(100);
        Assert.DoesNotContain((await f.Admin.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items, c => c.Metadata.Name == "widgets.example.com");
        var (gone, _, _) = await Raw.Send(http, HttpMethod.Get, $"/apis/example.com/v1/namespaces/{ns}/widgets");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone);
        var (again, _, _) = await Raw.Send(http, HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Crd);
        Assert.Equal(System.Net.HttpStatusCode.Created, again);
        var relisted = (JsonElement)await f.Admin.CustomObjects.ListNamespacedCustomObjectAsync("example.com", "v1", ns, "widgets");
        Assert.Equal(0, relisted.GetProperty("items").GetArrayLength());
    }
}
