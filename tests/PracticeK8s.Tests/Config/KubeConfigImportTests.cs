using PracticeK8s.Engine.Config;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Config;

public sealed class KubeConfigImportTests
{
    private static KubeConfigDocument Doc(string name, string server, string current) => KubeConfigDocument.Parse(name, $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {name}-cluster
          cluster: {"{"}server: {server}{"}"}
        users:
        - name: {name}-user
          user: {"{"}token: t{"}"}
        contexts:
        - name: {name}
          context: {"{"}cluster: {name}-cluster, user: {name}-user{"}"}
        current-context: {current}
        """);

    [Fact]
    public void NewEntries_AreAddedAfterExistingOnes()
    {
        var destination = Doc("home", "https://home", "home");
        var source = Doc("lke", "https://lke", "lke");
        var plan = KubeConfigImport.Plan(source, destination, ImportClashMode.Refuse);
        Assert.All(plan, p => Assert.Equal("add", p.Action));
        KubeConfigImport.Apply(source, destination, plan);
        Assert.Equal(new[] { "home", "lke" }, destination.Entries(KubeConfigDocument.Contexts).Select(e => e.Name));
        Assert.Equal("home", destination.CurrentContext);
        Assert.Equal("lke", KubeConfigImport.ImportedContext(source, plan));
    }

    [Fact]
    public void IdenticalEntries_AreNotClashes()
    {
        var destination = Doc("home", "https://home", "home");
        var plan = KubeConfigImport.Plan(Doc("home", "https://home", "home"), destination, ImportClashMode.Refuse);
        Assert.All(plan, p => Assert.Equal("unchanged", p.Action));
    }

    [Fact]
    public void Clashes_AreRefusedByName()
    {
        var error = Assert.Throws<KubeException>(() =>
            KubeConfigImport.Plan(Doc("home", "https://elsewhere", "home"), Doc("home", "https://home", "home"), ImportClashMode.Refuse));
        Assert.Equal("KubeConfigEntryExists", error.ErrorId);
        Assert.Contains("cluster \"home-cluster\"", error.Message);
        Assert.DoesNotContain("user \"home-user\"", error.Message);
    }

    [Fact]
    public void Rename_PicksFreeNamesAndFixesContextReferences()
    {
        var destination = Doc("home", "https://home", "home");
        var source = Doc("home", "https://elsewhere", "home");
        var plan = KubeConfigImport.Plan(source, destination, ImportClashMode.Rename);
        KubeConfigImport.Apply(source, destination, plan);
        var set = destination.Entries(KubeConfigDocument.Contexts);
        Assert.Equal(new[] { "home", "home-2" }, set.Select(e => e.Name));
        Assert.Equal("home-cluster-2", set[1].Get("cluster"));
        Assert.Equal("home-user", set[1].Get("user"));
        Assert.Equal("home-2", KubeConfigImport.ImportedContext(source, plan));
    }

    [Fact]
    public void Overwrite_ReplacesInPlace()
    {
        var destination = Doc("home", "https://home", "home");
        var source = Doc("home", "https://elsewhere", "home");
        KubeConfigImport.Apply(source, destination, KubeConfigImport.Plan(source, destination, ImportClashMode.Overwrite));
        Assert.Single(destination.Entries(KubeConfigDocument.Clusters));
        Assert.Equal("https://elsewhere", destination.Find(KubeConfigDocument.Clusters, "home-cluster")!.Get("server"));
    }
}
