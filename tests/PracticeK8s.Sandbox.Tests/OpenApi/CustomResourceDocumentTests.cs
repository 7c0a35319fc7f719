using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>Documents for custom resources, built from their CustomResourceDefinition.</summary>
public sealed class CustomResourceDocumentTests
{
    private const string CronTabs = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "crontabs.stable.example.com" },
          "spec": {
            "group": "stable.example.com",
            "scope": "Namespaced",
            "names": { "plural": "crontabs", "singular": "crontab", "kind": "CronTab", "shortNames": ["ct"] },
            "versions": [
              {
                "name": "v1", "served": true, "storage": true,
                "subresources": { "status": {}, "scale": { "specReplicasPath": ".spec.replicas", "statusReplicasPath": ".status.replicas" } },
                "schema": { "openAPIV3Schema": {
                  "type": "object",
                  "description": "A cron job, the example of the Kubernetes documentation.",
                  "properties": {
                    "spec": { "type": "object", "properties": {
                      "cronSpec": { "type": "string", "description": "When to run." },
                      "image": { "type": "string" },
                      "replicas": { "type": "integer" },
                      "port": { "x-kubernetes-int-or-string": true }
                    }, "required": ["cronSpec"] },
                    "status": { "type": "object", "properties": { "replicas": { "type": "integer" } } }
                  } } }
              },
              { "name": "v1beta1", "served": false, "storage": false,
                "schema": { "openAPIV3Schema": { "type": "object" } } }
            ]
          }
        }
        """;

    private const string Backups = """
        {
          "metadata": { "name": "backups.stable.example.com" },
          "spec": {
            "group": "stable.example.com", "scope": "Cluster",
            "names": { "plural": "backups", "kind": "Backup", "listKind": "BackupCollection" },
            "versions": [ { "name": "v1", "served": true, "storage": true,
                            "schema": { "openAPIV3Schema": { "type": "object", "x-kubernetes-preserve-unknown-fields": true } } } ]
          }
        }
        """;

    private static OpenApiGenerator NewGenerator() =>
        new(BuiltInResources.All.Where(r => r.Group is "" or "apps"));

    private static JsonObject Document(OpenApiGenerator generator, string path) =>
        JsonNode.Parse(generator.Document(path).Json)!.AsObject();

    [Fact]
    public void ACrd_GetsADocumentForEachServedVersion()
    {
        var generator = NewGenerator();
        Assert.Equal("crontabs.stable.example.com", generator.AddCustomResourceDefinition(CronTabs));

        Assert.Contains("apis/stable.example.com/v1", generator.GroupVersionPaths);
        Assert.DoesNotContain("apis/stable.example.com/v1beta1", generator.GroupVersionPaths);
        var root = JsonNode.Parse(generator.RootJson())!["paths"]!;
        Assert.Equal($"/openapi/v3/apis/stable.example.com/v1?hash={generator.Document("apis/stable.example.com/v1").Hash}",
            (string?)root["apis/stable.example.com/v1"]!["serverRelativeURL"]);
    }

    [Fact]
    public void TheKindsSchema_IsTheCrdsSchemaWithStandardMetadata()
    {
        var generator = NewGenerator();
        generator.AddCustomResourceDefinition(CronTabs);
        var schemas = Document(generator, "apis/stable.example.com/v1")["components"]!["schemas"]!.AsObject();

        var cronTab = schemas["com.example.stable.v1.CronTab"]!;
        Assert.Equal("A cron job, the example of the Kubernetes documentation.", (string?)cronTab["description"]);
        Assert.Equal("""[{"group":"stable.example.com","kind":"CronTab","version":"v1"}]""", cronTab["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.Equal("When to run.", (string?)cronTab["properties"]!["spec"]!["properties"]!["cronSpec"]!["description"]);
        Assert.Equal(["cronSpec"], GeneratedDocuments.Names(cronTab["properties"]!["spec"]!["required"]));
        Assert.True((bool)cronTab["properties"]!["spec"]!["properties"]!["port"]!["x-kubernetes-int-or-string"]!);
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
            (string?)cronTab["properties"]!["metadata"]!["allOf"]![0]!["$ref"]);
        Assert.Equal("string", (string?)cronTab["properties"]!["apiVersion"]!["type"]);

        var list = schemas["com.example.stable.v1.CronTabList"]!;
        Assert.Equal("#/components/schemas/com.example.stable.v1.CronTab", (string?)list["properties"]!["items"]!["items"]!["$ref"]);
        // Everything the document refers to is in it: ObjectMeta and its parts, Status, Scale, ...
        foreach (var name in new[] { "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry",
                                     "io.k8s.apimachinery.pkg.apis.meta.v1.Status", "io.k8s.api.autoscaling.v1.Scale" })
            Assert.True(schemas.ContainsKey(name), name);
        Assert.DoesNotContain(schemas, s => s.Key.StartsWith("io.k8s.api.core.", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePaths_FollowTheCrdsScopeAndSubresources_WithoutStrategicMergePatch()
    {
        var generator = NewGenerator();
        generator.AddCustomResourceDefinition(CronTabs);
        var paths = Document(generator, "apis/stable.example.com/v1")["paths"]!.AsObject();

        Assert.Equal(
            [
                "/apis/stable.example.com/v1/", "/apis/stable.example.com/v1/crontabs",
                "/apis/stable.example.com/v1/namespaces/{namespace}/crontabs",
                "/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}",
                "/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/scale",
                "/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/status",
                "/apis/stable.example.com/v1/watch/crontabs",
                "/apis/stable.example.com/v1/watch/namespaces/{namespace}/crontabs",
                "/apis/stable.example.com/v1/watch/namespaces/{namespace}/crontabs/{name}",
            ],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));

        var patch = paths["/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}"]!["patch"]!;
        Assert.Equal("patchStableExampleComV1NamespacedCronTab", (string?)patch["operationId"]);
        Assert.Equal(["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"],
            patch["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Order());
        Assert.Contains(patch["parameters"]!.AsArray(), p => (string?)p!["name"] == "fieldValidation");
        Assert.Equal("""{"group":"autoscaling","kind":"Scale","version":"v1"}""",
            paths["/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/scale"]!["get"]!["x-kubernetes-group-version-kind"]!.ToJsonString());
    }

    [Fact]
    public void CrdsOfOneGroupVersion_ShareADocument_AndClusterScopeHasNoNamespacePaths()
    {
        var generator = NewGenerator();
        generator.AddCustomResourceDefinition(CronTabs);
        generator.AddCustomResourceDefinition(Backups);
        var document = Document(generator, "apis/stable.example.com/v1");
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.True(schemas.ContainsKey("com.example.stable.v1.CronTab"));
        Assert.True(schemas["com.example.stable.v1.Backup"]!["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.Equal("BackupCollection", (string?)schemas["com.example.stable.v1.BackupCollection"]!["x-kubernetes-group-version-kind"]![0]!["kind"]);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/apis/stable.example.com/v1/backups/{name}", paths);
        Assert.DoesNotContain(paths, p => p.Contains("namespaces/{namespace}/backups", StringComparison.Ordinal));
    }

    [Fact]
    public void AddingAndRemovingACrd_LeavesTheOtherDocumentsAlone()
    {
        var generator = NewGenerator();
        var before = generator.GroupVersionPaths.ToDictionary(p => p, p => generator.Document(p).Hash);
        generator.AddCustomResourceDefinition(CronTabs);
        var first = generator.Document("apis/stable.example.com/v1").Hash;
        foreach (var (path, hash) in before) Assert.Equal(hash, generator.Document(path).Hash);

        generator.AddCustomResourceDefinition(CronTabs.Replace("When to run.", "When to start."));
        Assert.NotEqual(first, generator.Document("apis/stable.example.com/v1").Hash);

        Assert.True(generator.RemoveCustomResourceDefinition("crontabs.stable.example.com"));
        Assert.False(generator.RemoveCustomResourceDefinition("crontabs.stable.example.com"));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), generator.GroupVersionPaths);
        Assert.False(generator.TryGetDocument("apis/stable.example.com/v1", out _, out _));
    }

    [Fact]
    public void ACustomResourceWithoutItsCrd_AcceptsAnyFields_UntilTheCrdArrives()
    {
        var resource = new OpenApiResource("stable.example.com", "v1", "CronTab", "crontabs", true,
            ["get", "list", "create", "update", "patch", "delete"], [], null);
        var generator = new OpenApiGenerator([resource]);
        var schema = Document(generator, "apis/stable.example.com/v1")["components"]!["schemas"]!["com.example.stable.v1.CronTab"]!;
        Assert.True((bool)schema["x-kubernetes-preserve-unknown-fields"]!);

        generator.AddCustomResourceDefinition(CronTabs);
        schema = Document(generator, "apis/stable.example.com/v1")["components"]!["schemas"]!["com.example.stable.v1.CronTab"]!;
        Assert.Null(schema["x-kubernetes-preserve-unknown-fields"]);
        Assert.NotNull(schema["properties"]!["spec"]!["properties"]!["cronSpec"]);
    }

    [Fact]
    public void AnInvalidCrd_IsRejected()
    {
        var generator = NewGenerator();
        Assert.Throws<ArgumentException>(() => generator.AddCustomResourceDefinition("""{"metadata":{"name":"x"},"spec":{"names":{"kind":"X"}}}"""));
        Assert.Throws<ArgumentException>(() => generator.AddCustomResourceDefinition("[]"));
    }
}
