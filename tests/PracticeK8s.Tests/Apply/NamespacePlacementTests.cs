using System.Text.Json.Nodes;
using PracticeK8s.Engine.Apply;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Apply;

public sealed class NamespacePlacementTests
{
    private static readonly ManifestSource Source = new("app.yaml", 1, 1, IsFile: true);

    private static JsonObject Obj(string? ns) => JsonNode.Parse(ns is null
        ? """{"metadata":{"name":"x"}}"""
        : $$$"""{"metadata":{"name":"x","namespace":"{{{ns}}}"}}""")!.AsObject();

    [Fact]
    public void AnObjectWithoutNamespace_GoesToTheExplicitOrDefaultNamespace_WrittenIntoIt()
    {
        var obj = Obj(null);
        Assert.Equal("dev", NamespacePlacement.Place(obj, true, "default", "dev", Source));
        Assert.Equal("dev", obj["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("default", NamespacePlacement.Place(Obj(null), true, "default", null, Source));
    }

    [Fact]
    public void AnObjectsOwnNamespace_Wins_UnlessAnExplicitOneDiffers()
    {
        Assert.Equal("team", NamespacePlacement.Place(Obj("team"), true, "default", null, Source));
        Assert.Equal("team", NamespacePlacement.Place(Obj("team"), true, "default", "team", Source));
        var error = Assert.Throws<KubeException>(() => NamespacePlacement.Place(Obj("team"), true, "default", "dev", Source));
        Assert.StartsWith("the namespace from the provided object \"team\" does not match the namespace \"dev\". You must pass '-Namespace team'", error.Message);
        Assert.Equal("KubeNamespaceMismatch", error.ErrorId);
    }

    [Fact]
    public void ClusterScopedObjects_HaveNoNamespace()
    {
        var obj = Obj(null);
        Assert.Null(NamespacePlacement.Place(obj, false, "default", "dev", Source));
        Assert.Null(obj["metadata"]!["namespace"]);
    }
}
