using PracticeK8s.Engine.Apply;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Apply;

public sealed class ManifestReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("manifests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_SplitsDocuments_OpensLists_DropsEmptyDocuments_AndRecordsWhereEachCameFrom()
    {
        var objects = ManifestReader.Read("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: one}
            ---
            ---
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: two}}
            - {apiVersion: v1, kind: Secret, metadata: {name: three}}
            """, "app.yaml", isFile: true);
        Assert.Equal(["one", "two", "three"], objects.Select(o => o.Name));
        Assert.Equal(1, objects[0].Source.Document);
        Assert.Equal(3, objects[1].Source.Document);
        Assert.Equal("\"app.yaml\", document 3 (line 5)", objects[2].Source.ToString());
        Assert.Equal("Secret", objects[2].Kind);
    }

    [Theory]
    [InlineData("apiVersion: v1\nmetadata: {name: x}", "Object 'Kind' is missing in \"f.yaml\", document 1 (line 1)")]
    [InlineData("kind: ConfigMap\nmetadata: {name: x}", "Object 'apiVersion' is missing in \"f.yaml\", document 1 (line 1)")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: x-}", "from \"f.yaml\", document 1 (line 1): cannot use generate name with apply")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {}", "ConfigMap in \"f.yaml\", document 1 (line 1) has no metadata.name")]
    public void Read_RefusesObjectsKubectlRefuses(string yaml, string message)
    {
        var error = Assert.Throws<KubeException>(() => ManifestReader.Read(yaml, "f.yaml", isFile: true));
        Assert.Equal(message, error.Message);
        Assert.Equal("KubeManifestInvalid", error.ErrorId);
    }

    [Fact]
    public void Read_OneBadDocument_RejectsTheWholeFile()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: good}\n---\napiVersion: v1\nkind: ConfigMap\n";
        var error = Assert.Throws<KubeException>(() => ManifestReader.Read(yaml, "f.yaml", isFile: true));
        Assert.Contains("document 2", error.Message);
    }

    [Fact]
    public void Read_MalformedYaml_NamesFileDocumentAndLine()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: [ConfigMap\n";
        var error = Assert.Throws<KubeException>(() => ManifestReader.Read(yaml, "/tmp/bad.yaml", isFile: true));
        Assert.Equal("KubeManifestInvalid", error.ErrorId);
        Assert.Contains("\"/tmp/bad.yaml\"", error.Message);
        Assert.Contains("document 2", error.Message);
        Assert.Contains("line", error.Message);
    }

    [Fact]
    public void Read_AcceptsJson()
    {
        var objects = ManifestReader.Read("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}, "data": {"a": "1"}}""", "c.json");
        Assert.Equal("j", Assert.Single(objects).Name);
    }

    [Fact]
    public void ExpandPath_ReadsManifestExtensionsOnly_AndSubdirectoriesOnlyWhenRecursing()
    {
        File.WriteAllText(Path.Combine(_dir, "a.yaml"), "");
        File.WriteAllText(Path.Combine(_dir, "b.YML"), "");
        File.WriteAllText(Path.Combine(_dir, "c.json"), "");
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.WriteAllText(Path.Combine(_dir, "sub", "d.yaml"), "");

        Assert.Equal(["a.yaml", "b.YML", "c.json"], ManifestReader.ExpandPath(_dir, recurse: false).Select(Path.GetFileName));
        Assert.Equal(["a.yaml", "b.YML", "c.json", "d.yaml"], ManifestReader.ExpandPath(_dir, recurse: true).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // A file named explicitly is read whatever its extension.
        Assert.Equal([Path.Combine(_dir, "notes.txt")], ManifestReader.ExpandPath(Path.Combine(_dir, "notes.txt"), recurse: false));
        var missing = Assert.Throws<KubeException>(() => ManifestReader.ExpandPath(Path.Combine(_dir, "nope.yaml"), false));
        Assert.Equal($"the path \"{Path.Combine(_dir, "nope.yaml")}\" does not exist", missing.Message);
    }
}
