using PracticeK8s.Engine.Resources;
using Xunit;

namespace PracticeK8s.Tests.Resources;

public sealed class ApiResourceQueryTests
{
    private static readonly ResourceKind[] s_kinds =
    [
        new("apps", "v1", "Deployment", "deployments", true) { Categories = ["all"] },
        new("", "v1", "Pod", "pods", true) { Categories = ["all"] },
        new("", "v1", "Node", "nodes", false),
        new("", "v1", "Binding", "bindings", true) { Verbs = ["create"] },
        new("apps", "v1", "DaemonSet", "daemonsets", true) { Categories = ["all"] },
    ];

    private static string[] Names(ApiResourceQuery query) => query.Apply(s_kinds).Select(k => k.Plural).ToArray();

    [Fact]
    public void ByDefault_SortsByGroupThenName() =>
        Assert.Equal(["bindings", "nodes", "pods", "daemonsets", "deployments"], Names(new ApiResourceQuery()));

    [Fact]
    public void SortByKind_OrName() =>
        Assert.Equal(["bindings", "daemonsets", "deployments", "nodes", "pods"], Names(new ApiResourceQuery { SortBy = "kind" }));

    [Fact]
    public void Filters_GroupScopeVerbsAndCategories()
    {
        Assert.Equal(["daemonsets", "deployments"], Names(new ApiResourceQuery { ApiGroup = "apps" }));
        Assert.Equal(["bindings", "nodes", "pods"], Names(new ApiResourceQuery { ApiGroup = "" }));
        Assert.Equal(["nodes"], Names(new ApiResourceQuery { Namespaced = false }));
        Assert.Equal(["nodes", "pods", "daemonsets", "deployments"], Names(new ApiResourceQuery { Verbs = ["list", "watch"] }));
        Assert.Equal(["pods", "daemonsets", "deployments"], Names(new ApiResourceQuery { Categories = ["all"] }));
    }
}
