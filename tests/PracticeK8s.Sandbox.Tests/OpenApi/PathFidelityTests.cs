using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>
/// The generated paths against the upstream 1.32 documents: every path of every served resource
/// with the same methods, operation ids, actions, kinds and parameters; and what kubectl looks
/// for before it sends fieldValidation=Strict.
/// </summary>
public sealed class PathFidelityTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "options", "head"];

    public static TheoryData<string> GroupVersions() => GeneratedDocuments.GroupVersions();

    [Theory, MemberData(nameof(GroupVersions))]
    public void Paths_AndTheirMethods_AreUpstreams(string groupVersion)
    {
        static List<string> Layout(JsonObject document) =>
            document["paths"]!.AsObject()
                .Select(p => p.Key + " " + string.Join(",", Methods.Where(m => p.Value!.AsObject().ContainsKey(m))))
                .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Layout(UpstreamOpenApi.V3(groupVersion)), Layout(GeneratedDocuments.For(groupVersion)));
    }

    [Theory, MemberData(nameof(GroupVersions))]
    public void Operations_AreUpstreams(string groupVersion)
    {
        var ours = GeneratedDocuments.For(groupVersion)["paths"]!.AsObject();
        var differences = new List<string>();
        foreach (var (path, upstreamItem) in UpstreamOpenApi.V3(groupVersion)["paths"]!.AsObject())
        {
            var ourItem = ours[path]!.AsObject();
            foreach (var method in Methods.Where(m => upstreamItem!.AsObject().ContainsKey(m)))
            {
                var expected = upstreamItem![method]!.AsObject();
                var actual = ourItem[method]!.AsObject();
                foreach (var key in new[] { "operationId", "description", "x-kubernetes-action", "x-kubernetes-group-version-kind", "tags" })
                    if (expected[key]?.ToJsonString() != actual[key]?.ToJsonString())
                        differences.Add($"{method} {path} {key}: upstream {expected[key]?.ToJsonString()}, generated {actual[key]?.ToJsonString()}");

                var expectedParameters = ParameterNames(upstreamItem, expected);
                var actualParameters = ParameterNames(ourItem, actual);
                if (expectedParameters != actualParameters)
                    differences.Add($"{method} {path} parameters: upstream {expectedParameters}, generated {actualParameters}");
            }
        }
        Assert.Empty(differences);
    }

    // Upstream puts some parameters on the path and some on the operation; both apply.
    private static string ParameterNames(JsonNode pathItem, JsonNode operation) =>
        string.Join(",", (pathItem["parameters"] as JsonArray ?? []).Concat(operation["parameters"] as JsonArray ?? [])
            .Select(p => $"{(string)p!["in"]!}:{(string)p["name"]!}:{(string?)p["schema"]?["type"]}").Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(GroupVersions))]
    public void EveryKind_HasAPatchOperationThatTakesFieldValidation(string groupVersion)
    {
        // kubectl's query-parameter verifier: a PATCH whose x-kubernetes-group-version-kind is the
        // kind, with a query parameter named fieldValidation.
        var document = GeneratedDocuments.For(groupVersion);
        var kinds = BuiltInResources.All.Where(r => r.GroupVersionPath == groupVersion && r.Has("patch")).Select(r => r.Kind).ToList();
        Assert.NotEmpty(kinds);
        foreach (var kind in kinds)
        {
            var patches = document["paths"]!.AsObject().Select(p => p.Value!["patch"])
                .Where(op => op is not null && (string?)op["x-kubernetes-group-version-kind"]!["kind"] == kind).ToList();
            Assert.NotEmpty(patches);
            Assert.All(patches, op => Assert.Contains(op!["parameters"]!.AsArray(),
                p => (string?)p!["name"] == "fieldValidation" && (string?)p["in"] == "query"));
            Assert.All(patches, op => Assert.Contains(op!["parameters"]!.AsArray(), p => (string?)p!["name"] == "dryRun"));
            Assert.All(patches, op => Assert.Contains(op!["parameters"]!.AsArray(), p => (string?)p!["name"] == "fieldManager"));
        }
    }

    [Fact]
    public void Writes_TakeTheKindAndPatchesTakeEveryPatchType()
    {
        var deployment = GeneratedDocuments.For("apis/apps/v1")["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!;
        Assert.Equal("#/components/schemas/io.k8s.api.apps.v1.Deployment",
            (string?)deployment["put"]!["requestBody"]!["content"]!["*/*"]!["schema"]!["$ref"]);
        Assert.Equal(
            ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"],
            deployment["patch"]!["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Order());
        var scale = GeneratedDocuments.For("apis/apps/v1")["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"]!;
        Assert.Equal("#/components/schemas/io.k8s.api.autoscaling.v1.Scale",
            (string?)scale["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
    }

    [Fact]
    public void OnlyServedResourcesAndSubresources_GetPaths()
    {
        var pods = BuiltInResources.All.Single(r => r.Plural == "pods") with { Subresources = ["status", "log"] };
        var generator = new PracticeK8s.Sandbox.OpenApi.OpenApiGenerator([pods]);
        var paths = JsonNode.Parse(generator.Document("api/v1").Json)!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/namespaces/{namespace}/pods/{name}/log", paths);
        Assert.DoesNotContain("/api/v1/namespaces/{namespace}/pods/{name}/exec", paths);
        Assert.DoesNotContain(paths, p => p.Contains("/services", StringComparison.Ordinal));
        Assert.Equal(["api/v1"], generator.GroupVersionPaths);
    }
}
