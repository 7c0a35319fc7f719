using PracticeK8s.Engine.Auth;
using PracticeK8s.Engine.Resources;
using Xunit;

namespace PracticeK8s.Tests.Auth;

public sealed class AccessQuestionTests
{
    private static readonly IReadOnlyList<ResourceKind> s_resources = KindCatalog.All;

    private static (AccessQuestion Question, List<string> Warnings) Resolve(string verb, string what, string? name = null, bool all = false)
    {
        var warnings = new List<string>();
        var question = AccessQuestion.Resolve(s_resources, verb, what, name, null, "team", all, warnings.Add);
        return (question, warnings);
    }

    [Fact]
    public void AShortName_ResolvesToItsGroupAndPlural()
    {
        var (q, warnings) = Resolve("delete", "deploy");
        Assert.Equal(("apps", "deployments", "team"), (q.Group, q.Resource, q.Namespace));
        Assert.Empty(warnings);
        Assert.Equal("deployments.apps", q.ToString());
    }

    [Fact]
    public void TypeSlashName_SplitsTheName()
    {
        var (q, _) = Resolve("get", "po/web-0");
        Assert.Equal(("", "pods", "web-0"), (q.Group, q.Resource, q.Name));
    }

    [Fact]
    public void AllNamespaces_AsksWithAnEmptyNamespace()
    {
        Assert.Equal("", Resolve("list", "pods", all: true).Question.Namespace);
    }

    [Fact]
    public void AnUnknownTypeAndVerb_AreAskedAsTyped_WithKubectlsWarnings_TypeFirst()
    {
        var (q, warnings) = Resolve("frob", "widgets.example.com");
        Assert.Equal(("example.com", "widgets", "frob"), (q.Group, q.Resource, q.Verb));
        Assert.Equal(["the server doesn't have a resource type 'widgets.example.com'", "verb 'frob' is not a known verb"], warnings);
    }

    [Fact]
    public void Star_StaysStar_WithoutAWarning()
    {
        var (q, warnings) = Resolve("*", "*");
        Assert.Equal(("", "*"), (q.Group, q.Resource));
        Assert.Empty(warnings);
    }

    [Fact]
    public void ASlashFirst_IsANonResourceUrl_CheckedAgainstTheUrlVerbs()
    {
        var (q, warnings) = Resolve("get", "/healthz");
        Assert.Equal("/healthz", q.NonResourceUrl);
        Assert.Empty(warnings);
        Assert.Equal(["verb 'list' is not a known verb"], Resolve("list", "/logs").Warnings);
    }
}
