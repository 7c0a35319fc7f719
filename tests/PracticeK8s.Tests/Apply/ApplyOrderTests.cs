using System.Text.Json.Nodes;
using PracticeK8s.Engine.Apply;

namespace PracticeK8s.Tests.Apply;

public sealed class ApplyOrderTests
{
    private static ManifestObject Object(string apiVersion, string kind, string name) =>
        new(JsonNode.Parse($$$"""{"apiVersion":"{{{apiVersion}}}","kind":"{{{kind}}}","metadata":{"name":"{{{name}}}"}}""")!.AsObject(), new ManifestSource("t"));

    [Fact]
    public void Sort_PutsNamespacesThenCrdsFirst_AndKeepsInputOrderOtherwise()
    {
        var sorted = ApplyOrder.Sort([
            Object("apps/v1", "Deployment", "web"),
            Object("stable.example.com/v1", "CronTab", "cron"),
            Object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "crontabs.stable.example.com"),
            Object("v1", "Service", "web"),
            Object("v1", "Namespace", "demo"),
            Object("v1", "ConfigMap", "settings"),
        ]);
        Assert.Equal(["demo", "crontabs.stable.example.com", "web", "cron", "web", "settings"], sorted.Select(o => o.Name));
        Assert.Equal(["Namespace", "CustomResourceDefinition", "Deployment", "CronTab", "Service", "ConfigMap"], sorted.Select(o => o.Kind));
    }
}
