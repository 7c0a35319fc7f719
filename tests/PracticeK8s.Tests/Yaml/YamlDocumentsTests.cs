using System.Text.Json.Nodes;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Tests.Yaml;

public sealed class YamlDocumentsTests
{
    [Fact]
    public void MultiDocumentStreams_GiveOneNodePerNonEmptyDocument()
    {
        var docs = YamlDocuments.Parse("---\na: 1\n---\n# only a comment\n---\nb: two\n", "x.yaml");
        Assert.Equal(2, docs.Count);
        Assert.Equal(1, docs[0].Index);
        Assert.Equal(3, docs[1].Index);
        Assert.Equal("two", docs[1].Content!["b"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("v: 1", "1")]
    [InlineData("v: -5", "-5")]
    [InlineData("v: 1.5", "1.5")]
    [InlineData("v: true", "true")]
    [InlineData("v: ~", "null")]
    [InlineData("v: \"1\"", "\"1\"")]
    [InlineData("v: '01'", "\"01\"")]
    [InlineData("v: nginx:1.14.2", "\"nginx:1.14.2\"")]
    [InlineData("v: yes", "\"yes\"")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: 80/TCP", "\"80/TCP\"")]
    public void Scalars_FollowTheCoreSchema(string yaml, string json)
    {
        var doc = Assert.Single(YamlDocuments.Parse(yaml, "x"));
        Assert.Equal(json, doc.Content!["v"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public void BlockScalars_KeepTheirText()
    {
        var doc = Assert.Single(YamlDocuments.Parse("script: |\n  echo hi\n  sleep 1\n", "x"));
        Assert.Equal("echo hi\nsleep 1\n", doc.Content!["script"]!.GetValue<string>());
    }

    [Fact]
    public void MalformedYaml_NamesSourceDocumentLineAndColumn()
    {
        var text = "apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n  labels: {a: b}\n";
        var error = Assert.Throws<KubeYamlException>(() => YamlDocuments.Parse(text, "/tmp/pods.yaml"));
        Assert.Equal(2, error.Document);
        Assert.True(error.Line >= 7, $"line {error.Line}");
        Assert.True(error.Column > 0);
        Assert.StartsWith("error parsing /tmp/pods.yaml: document 2, line ", error.Message);
        Assert.Equal("KubeManifestInvalid", error.ErrorId);
    }

    [Fact]
    public void BadIndentation_IsReportedWithItsLine()
    {
        var error = Assert.Throws<KubeYamlException>(() => YamlDocuments.Parse("a:\n  b: 1\n c: 2\n", "f.yaml"));
        Assert.Equal(1, error.Document);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void ATabInTheIndentation_IsReportedWhereItIs_NotAtTheMappingsStart()
    {
        var error = Assert.Throws<KubeYamlException>(() => YamlDocuments.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n", "f.yaml"));
        Assert.Equal(4, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("tab", error.Message);
    }

    [Fact]
    public void DuplicateKeys_AreErrors()
    {
        var error = Assert.Throws<KubeYamlException>(() => YamlDocuments.Parse("a: 1\nb: 2\na: 3\n", "f.yaml"));
        Assert.Equal(3, error.Line);
        Assert.Contains("\"a\" already defined", error.Message);
    }
}
