using System.Diagnostics;
using System.Text;
using PracticeK8s.Engine.Apply;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Tests.Yaml;

/// <summary>Hostile nesting and alias bombs are refused as KubeManifestInvalid, naming where, before anything is expanded.</summary>
public sealed class DepthLimitTests
{
    private const string Header = "apiVersion: example.com/v1\nkind: Deep\nmetadata: {name: deep}\nspec:\n  x: ";

    private static string Flow(int levels) => Header + new string('[', levels) + new string(']', levels) + "\n";

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public void FlowNesting_IsRefusedWithLineAndColumn(int levels)
    {
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<KubeYamlException>(() => KubeYaml.FromYaml(Flow(levels), "deep.yaml"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal("KubeManifestInvalid", error.ErrorId);
        Assert.Equal(5, error.Line);
        // The root mapping is level 1, spec 2, the first '[' 3: the 63rd '[' (column 6 + 62) is level 65.
        Assert.Equal(6 + 62, error.Column);
        Assert.Equal($"error parsing deep.yaml: document 1, line 5, column 68: the document nests more than {YamlDocuments.MaxDepth} levels deep", error.Message);
    }

    [Fact]
    public void BlockSequenceNesting_IsRefused()
    {
        var text = Header + "\n" + "    " + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n";
        var error = Assert.Throws<KubeYamlException>(() => KubeYaml.FromYaml(text, "block.yaml"));
        Assert.Equal(6, error.Line);
        Assert.Contains("nests more than 64 levels", error.Message);
    }

    [Fact]
    public void JsonManifest_IsRefusedTheSameWay()
    {
        var json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"},\"data\":" + new string('{', 5000).Replace("{", "{\"a\":") + "1" + new string('}', 5001) + "\n";
        var error = Assert.Throws<KubeException>(() => ManifestReader.Read(json, "/tmp/deep.json", isFile: true));
        Assert.Equal("KubeManifestInvalid", error.ErrorId);
        Assert.StartsWith("error parsing \"/tmp/deep.json\": document 1, line 1, column ", error.Message);
        Assert.EndsWith("the document nests more than 64 levels deep", error.Message);
    }

    [Fact]
    public void ExactlyTheLimit_IsReadAndConverted_OneMoreIsNot()
    {
        // Levels: document mapping 1, spec 2, then 62 more sequences = 64.
        var objects = KubeYaml.FromYaml(Flow(62), "ok.yaml");
        Assert.Single(objects);
        Assert.Throws<KubeYamlException>(() => KubeYaml.FromYaml(Flow(63), "no.yaml"));
        var typed = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: {a: b}\n";
        Assert.Single(KubeYaml.FromYaml(typed, "cm.yaml"));
    }

    [Fact]
    public void ManifestReader_NamesFileLineAndColumn()
    {
        var error = Assert.Throws<KubeException>(() => ManifestReader.Read(Flow(1_000), "/work/deep.yaml", isFile: true));
        Assert.Equal("KubeManifestInvalid", error.ErrorId);
        Assert.Equal($"error parsing \"/work/deep.yaml\": document 1, line 5, column 68: the document nests more than 64 levels deep", error.Message);
    }

    [Fact]
    public void PipelineObjects_AreBoundedByTheSameLimit()
    {
        object value = "leaf";
        for (int i = 0; i < 200; i++)
            value = new object[] { value };
        var error = Assert.Throws<InvalidOperationException>(() => PSObjectJson.ToJson(new System.Collections.Hashtable { ["deep"] = value }));
        Assert.Contains("more than 64 levels", error.Message);
        object fits = "leaf";
        for (int i = 0; i < 63; i++)
            fits = new object[] { fits };
        Assert.NotNull(KubeYaml.ToYaml([new System.Collections.Hashtable { ["deep"] = fits }], forApply: false));
    }

    [Fact]
    public void AliasBomb_IsRefusedAtTheFirstAlias()
    {
        // The billion-laughs shape: each level repeats the previous one ten times (10^9 nodes if expanded).
        var text = new StringBuilder(Header.Replace("  x: ", "  a0: &a0 \"lol\"\n"));
        for (int i = 1; i <= 9; i++)
            text.Append($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<KubeYamlException>(() => KubeYaml.FromYaml(text.ToString(), "bomb.yaml"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal("KubeManifestInvalid", error.ErrorId);
        Assert.Equal("error parsing bomb.yaml: document 1, line 6, column 12: aliases are not supported", error.Message);
    }

    [Fact]
    public void OversizedManifestFile_IsRefusedBeforeItIsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew))
                file.SetLength(ManifestReader.MaxFileBytes + 1); // sparse: no data is written
            var before = GC.GetAllocatedBytesForCurrentThread();
            var error = Assert.Throws<KubeException>(() => ManifestReader.ReadFile(path));
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024, "nothing of the file was read");
            Assert.Equal("KubeManifestInvalid", error.ErrorId);
            Assert.Equal($"error reading \"{path}\": the file ({ManifestReader.MaxFileBytes + 1} bytes) is larger than the 64 MiB a manifest file may be", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
