using PracticeK8s.Sandbox.OpenApi.Documentation;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>Descriptions read from KubernetesClient's XML doc comments.</summary>
public sealed class ModelDocumentationTests
{
    [Fact]
    public void TheXmlFile_IsBesideTheModels()
    {
        Assert.NotNull(ModelDocumentation.Instance.SourcePath);
        Assert.EndsWith("KubernetesClient.xml", ModelDocumentation.Instance.SourcePath);
        Assert.StartsWith("Pod is a collection of containers", ModelDocumentation.Instance.ForType(typeof(k8s.Models.V1Pod)));
        Assert.Equal("When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun " +
                     "directive will result in an error response and no further processing of the request. Valid values are: " +
                     "- All: all dry run stages will be processed", ModelDocumentation.Instance.ForParameter("dryRun"));
        Assert.NotNull(ModelDocumentation.Instance.ForParameter("namespace"));
        Assert.NotNull(ModelDocumentation.Instance.ForParameter("continue"));
    }

    [Fact]
    public void WrappedLines_AreJoined_AndParagraphsKept()
    {
        var text = "\n            First line\n            goes on.\n            \n            Second paragraph.\n            ";
        Assert.Equal("First line goes on.\n\nSecond paragraph.", ModelDocumentation.Normalise(text));
        Assert.Null(ModelDocumentation.Normalise("  \n  "));
    }

    [Fact]
    public void WithoutTheXmlFile_DescriptionsAreAbsent()
    {
        var empty = ModelDocumentation.Load(null);
        Assert.Null(empty.SourcePath);
        Assert.Null(empty.ForType(typeof(k8s.Models.V1Pod)));
        Assert.Null(empty.ForParameter("dryRun"));
    }
}
