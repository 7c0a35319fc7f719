using System.Management.Automation;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Tests.Objects;

public sealed class NameFilterTests
{
    [Fact]
    public void NoNames_MatchEverything_WildcardsMatchIgnoringCase_ExactNamesAreKept()
    {
        Assert.Null(NameFilter.Of(null));
        var filter = NameFilter.Of(["web-*", "db"])!;
        Assert.True(filter.Matches("WEB-1"));
        Assert.True(filter.Matches("db"));
        Assert.False(filter.Matches("db-2"));
        Assert.Equal(["db"], filter.Exact);
        Assert.False(filter.OnlyExact);
        Assert.True(NameFilter.Of(["a", "b"])!.OnlyExact);
        Assert.False(NameFilter.Of([])!.OnlyExact);
        Assert.False(NameFilter.Of([])!.Matches("a"));
    }

    [Fact]
    public void NotFound_IsKubectlsText_WithOneErrorIdAndCategory()
    {
        var inner = new InvalidOperationException("404");
        var error = ObjectNotFound.Of(KindCatalog.Deployment, "web", inner);
        Assert.Equal("deployments.apps \"web\" not found", error.Message);
        var record = error.ToErrorRecord("web");
        Assert.Equal("KubeObjectNotFound", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Same(inner, error.InnerException);
        Assert.Equal("pods \"p\" not found", ObjectNotFound.Of(KindCatalog.Pod, "p").Message);
    }
}
