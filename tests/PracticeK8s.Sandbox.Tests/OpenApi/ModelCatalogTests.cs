using PracticeK8s.Sandbox.OpenApi.Schemas;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

public sealed class ModelCatalogTests
{
    [Fact]
    public void Explore()
    {
        var g = BuiltInResources.Generator.Value;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        foreach (var p in g.GroupVersionPaths)
        {
            var (json, hash) = g.Document(p);
            File.WriteAllText($"/tmp/gen-{p.Replace('/', '_')}.json", json);
        }
        File.WriteAllText("/tmp/gen-root.json", g.RootJson() + "\n" + sw.ElapsedMilliseconds);
    }
}
