using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>The /openapi/v3 root and the document hashes kubectl caches by.</summary>
public sealed class RootAndHashTests
{
    [Fact]
    public void Root_ListsEveryGroupVersion_WithItsDocumentsHash()
    {
        var generator = BuiltInResources.Generator.Value;
        var root = JsonNode.Parse(generator.RootJson())!["paths"]!.AsObject();
        Assert.Equal(UpstreamOpenApi.GroupVersionPaths.Order(StringComparer.Ordinal), root.Select(p => p.Key));
        Assert.Equal(UpstreamOpenApi.GroupVersionPaths.Order(StringComparer.Ordinal), generator.GroupVersionPaths);
        foreach (var (path, entry) in root)
            Assert.Equal($"/openapi/v3/{path}?hash={generator.Document(path).Hash}", (string?)entry!["serverRelativeURL"]);
    }

    [Fact]
    public void Hash_IsTheSha512OfTheDocument()
    {
        var (json, hash) = BuiltInResources.Generator.Value.Document("apis/apps/v1");
        Assert.Equal(Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(json))), hash);
        Assert.Matches("^[0-9A-F]{128}$", hash);
    }

    [Fact]
    public void Documents_AreStable_AcrossCallsGeneratorsAndResourceOrder()
    {
        var first = BuiltInResources.Generator.Value;
        var second = new OpenApiGenerator(BuiltInResources.All.Reverse());
        foreach (var path in first.GroupVersionPaths)
        {
            Assert.Equal(first.Document(path).Hash, first.Document(path).Hash);
            Assert.Equal(first.Document(path), second.Document(path));
        }
        Assert.Equal(first.RootJson(), second.RootJson());
    }

    [Fact]
    public void ADifferentResourceSet_ChangesOnlyItsOwnDocument()
    {
        var withoutJobs = new OpenApiGenerator(BuiltInResources.All.Where(r => r.Plural != "jobs"));
        var all = BuiltInResources.Generator.Value;
        Assert.NotEqual(all.Document("apis/batch/v1").Hash, withoutJobs.Document("apis/batch/v1").Hash);
        Assert.Equal(all.Document("apis/apps/v1").Hash, withoutJobs.Document("apis/apps/v1").Hash);
    }

    [Fact]
    public void UnknownGroupVersion_HasNoDocument()
    {
        var generator = BuiltInResources.Generator.Value;
        Assert.False(generator.TryGetDocument("apis/nothing.example.com/v1", out _, out _));
        Assert.Throws<KeyNotFoundException>(() => generator.Document("apis/nothing.example.com/v1"));
        Assert.True(generator.TryGetDocument("/apis/apps/v1", out var json, out _));
        Assert.StartsWith("{\"components\":", json);
    }

    [Fact]
    public async Task ConcurrentRequests_GetOneDocument()
    {
        var generator = new OpenApiGenerator(BuiltInResources.All);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => generator.Document("api/v1").Hash)));
        Assert.Single(results.Distinct());
    }
}
