using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>
/// The generated component schemas against the upstream Kubernetes 1.32 documents, group-version
/// by group-version: the same schema names, the same properties with the same types, the same
/// list metadata, group-version-kinds, and no required field that upstream does not require.
/// </summary>
public sealed class SchemaFidelityTests
{
    private static readonly string[] ListExtensions =
        ["x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-patch-merge-key", "x-kubernetes-patch-strategy",
         "x-kubernetes-map-type"];

    public static TheoryData<string> GroupVersions() => GeneratedDocuments.GroupVersions();

    [Theory, MemberData(nameof(GroupVersions))]
    public void SchemaNames_AreExactlyUpstreams(string groupVersion)
    {
        var ours = UpstreamOpenApi.Schemas(GeneratedDocuments.For(groupVersion)).Select(s => s.Key).Order().ToList();
        var upstream = UpstreamOpenApi.Schemas(UpstreamOpenApi.V3(groupVersion)).Select(s => s.Key).Order().ToList();
        Assert.Equal(upstream, ours);
    }

    [Theory, MemberData(nameof(GroupVersions))]
    public void EverySchema_HasUpstreamsPropertiesWithUpstreamsTypes(string groupVersion)
    {
        var ours = UpstreamOpenApi.Schemas(GeneratedDocuments.For(groupVersion));
        var differences = new List<string>();
        foreach (var (name, upstreamSchema) in UpstreamOpenApi.Schemas(UpstreamOpenApi.V3(groupVersion)))
        {
            var ourSchema = ours[name]!.AsObject();
            var upstreamProperties = upstreamSchema!["properties"] as JsonObject ?? [];
            var ourProperties = ourSchema["properties"] as JsonObject ?? [];
            foreach (var (property, upstreamProperty) in upstreamProperties)
            {
                var shape = GeneratedDocuments.Shape(upstreamProperty);
                var ourShape = ourProperties.ContainsKey(property) ? GeneratedDocuments.Shape(ourProperties[property]) : "missing";
                if (shape != ourShape) differences.Add($"{name}.{property}: upstream {shape}, generated {ourShape}");
            }
            foreach (var (property, _) in ourProperties)
                if (!upstreamProperties.ContainsKey(property)) differences.Add($"{name}.{property}: not in 1.32");
            if (!upstreamSchema.AsObject().ContainsKey("properties") &&
                GeneratedDocuments.Shape(upstreamSchema) != GeneratedDocuments.Shape(ourSchema))
                differences.Add($"{name}: upstream {GeneratedDocuments.Shape(upstreamSchema)}, generated {GeneratedDocuments.Shape(ourSchema)}");
        }
        Assert.Empty(differences);
    }

    [Theory, MemberData(nameof(GroupVersions))]
    public void ListMetadata_IsUpstreams(string groupVersion)
    {
        var ours = UpstreamOpenApi.Schemas(GeneratedDocuments.For(groupVersion));
        var differences = new List<string>();
        var compared = 0;
        foreach (var (name, upstreamSchema) in UpstreamOpenApi.Schemas(UpstreamOpenApi.V3(groupVersion)))
        {
            var ourProperties = ours[name]!["properties"] as JsonObject ?? [];
            var expectedMapType = upstreamSchema!["x-kubernetes-map-type"]?.ToJsonString();
            var actualMapType = ours[name]!["x-kubernetes-map-type"]?.ToJsonString();
            if (expectedMapType != actualMapType) differences.Add($"{name} x-kubernetes-map-type: upstream {expectedMapType ?? "-"}, generated {actualMapType ?? "-"}");
            foreach (var (property, upstreamProperty) in upstreamSchema!["properties"] as JsonObject ?? [])
            {
                foreach (var extension in ListExtensions)
                {
                    var expected = upstreamProperty![extension]?.ToJsonString();
                    var actual = ourProperties[property]?[extension]?.ToJsonString();
                    if (expected is not null) compared++;
                    if (expected != actual) differences.Add($"{name}.{property} {extension}: upstream {expected ?? "-"}, generated {actual ?? "-"}");
                }
            }
        }
        Assert.Empty(differences);
        Assert.True(compared > 0 || groupVersion is "apis/autoscaling/v1", $"no list metadata compared in {groupVersion}");
    }

    [Theory, MemberData(nameof(GroupVersions))]
    public void Kinds_CarryUpstreamsGroupVersionKind(string groupVersion)
    {
        var ours = UpstreamOpenApi.Schemas(GeneratedDocuments.For(groupVersion));
        foreach (var (name, upstreamSchema) in UpstreamOpenApi.Schemas(UpstreamOpenApi.V3(groupVersion)))
        {
            var expected = upstreamSchema!["x-kubernetes-group-version-kind"] as JsonArray;
            var actual = ours[name]!["x-kubernetes-group-version-kind"] as JsonArray;
            if (expected is null) { Assert.Null(actual); continue; }
            Assert.NotNull(actual);
            // DeleteOptions and WatchEvent list every group-version of the server; ours are the served ones.
            var expectedSet = expected.Select(g => g!.ToJsonString()).ToHashSet();
            var actualSet = actual.Select(g => g!.ToJsonString()).ToList();
            Assert.All(actualSet, g => Assert.Contains(g, expectedSet));
            if (expected.Count == 1) Assert.Equal(expected[0]!.ToJsonString(), actualSet.Single());
        }
    }

    [Theory, MemberData(nameof(GroupVersions))]
    public void Required_IsNeverMoreThanUpstreams(string groupVersion)
    {
        var ours = UpstreamOpenApi.Schemas(GeneratedDocuments.For(groupVersion));
        var wrong = new List<string>();
        foreach (var (name, upstreamSchema) in UpstreamOpenApi.Schemas(UpstreamOpenApi.V3(groupVersion)))
        {
            var expected = GeneratedDocuments.Names(upstreamSchema!["required"]).ToHashSet();
            wrong.AddRange(GeneratedDocuments.Names(ours[name]!["required"]).Where(r => !expected.Contains(r)).Select(r => $"{name}.{r}"));
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Required_CoversValueFieldsListItemsConditionsAndListMapKeys()
    {
        var schemas = UpstreamOpenApi.Schemas(GeneratedDocuments.For("apis/apps/v1"));
        Assert.Equal(["containerPort"], GeneratedDocuments.Names(schemas["io.k8s.api.core.v1.ContainerPort"]!["required"]));
        Assert.Equal(["items"], GeneratedDocuments.Names(schemas["io.k8s.api.apps.v1.DeploymentList"]!["required"]));
        Assert.Equal(["status", "type"], GeneratedDocuments.Names(schemas["io.k8s.api.apps.v1.DeploymentCondition"]!["required"]).Order());
        Assert.Equal(["name"], GeneratedDocuments.Names(schemas["io.k8s.api.core.v1.Container"]!["required"]));
        Assert.Equal(["name"], GeneratedDocuments.Names(schemas["io.k8s.api.core.v1.EnvVar"]!["required"]));
        Assert.Contains("mountPath", GeneratedDocuments.Names(schemas["io.k8s.api.core.v1.VolumeMount"]!["required"]));
        // A key the server defaults (protocol) and keys of types used outside list-maps stay optional.
        Assert.DoesNotContain("protocol", GeneratedDocuments.Names(schemas["io.k8s.api.core.v1.ContainerPort"]!["required"]));
        Assert.Null(schemas["io.k8s.api.core.v1.LocalObjectReference"]!["required"]);
    }

    [Fact]
    public void Descriptions_ComeFromTheModelDocumentation()
    {
        var ours = UpstreamOpenApi.Schemas(GeneratedDocuments.For("apis/apps/v1"));
        var upstream = UpstreamOpenApi.Schemas(UpstreamOpenApi.V3("apis/apps/v1"));
        Assert.Equal((string?)upstream["io.k8s.api.apps.v1.Deployment"]!["description"], (string?)ours["io.k8s.api.apps.v1.Deployment"]!["description"]);
        Assert.Equal((string?)upstream["io.k8s.api.apps.v1.DeploymentSpec"]!["properties"]!["replicas"]!["description"],
                     (string?)ours["io.k8s.api.apps.v1.DeploymentSpec"]!["properties"]!["replicas"]!["description"]);
        // Multi-paragraph text keeps its paragraphs.
        Assert.Equal((string?)upstream["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["creationTimestamp"]!["description"],
                     (string?)ours["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["creationTimestamp"]!["description"]);

        // Overall: most descriptions are upstream's word for word (the rest differ where the newer models reworded them).
        int total = 0, same = 0;
        foreach (var groupVersion in UpstreamOpenApi.GroupVersionPaths)
        {
            var generated = UpstreamOpenApi.Schemas(GeneratedDocuments.For(groupVersion));
            foreach (var (name, schema) in UpstreamOpenApi.Schemas(UpstreamOpenApi.V3(groupVersion)))
                foreach (var (property, upstreamProperty) in schema!["properties"] as JsonObject ?? [])
                {
                    total++;
                    if ((string?)upstreamProperty!["description"] == (string?)generated[name]!["properties"]![property]!["description"]) same++;
                }
        }
        Assert.True(same >= total * 0.85, $"{same} of {total} property descriptions equal upstream's");
    }

    [Fact]
    public void IntOrStringAndQuantity_AreTheirWireForms()
    {
        var schemas = UpstreamOpenApi.Schemas(GeneratedDocuments.For("api/v1"));
        var intOrString = schemas["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]!;
        Assert.Equal("int-or-string", (string?)intOrString["format"]);
        Assert.True((bool)intOrString["x-kubernetes-int-or-string"]!);
        Assert.Equal("ref:#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString",
            GeneratedDocuments.Shape(schemas["io.k8s.api.core.v1.HTTPGetAction"]!["properties"]!["port"]));
        Assert.Equal("object/{ref:#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity}",
            GeneratedDocuments.Shape(schemas["io.k8s.api.core.v1.ResourceRequirements"]!["properties"]!["limits"]));
        Assert.Equal("/oneOf(string/,number/)", GeneratedDocuments.Shape(schemas["io.k8s.apimachinery.pkg.api.resource.Quantity"]));
        // A described $ref is wrapped in allOf, as 1.32 writes it.
        var metadata = schemas["io.k8s.api.core.v1.Pod"]!["properties"]!["metadata"]!.AsObject();
        Assert.False(metadata.ContainsKey("$ref"));
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", (string?)metadata["allOf"]![0]!["$ref"]);
    }
}
