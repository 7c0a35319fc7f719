using k8s.Models;
using PracticeK8s.Printing;

namespace PracticeK8s.Tests.Printing;

public sealed class KubeFormatTests
{
    [Fact]
    public void Labels_SortedByKey_NoneWhenEmpty()
    {
        Assert.Equal("app=nginx,pod-template-hash=7854ff8877,tier=web",
            KubeFormat.Labels(new Dictionary<string, string> { ["tier"] = "web", ["app"] = "nginx", ["pod-template-hash"] = "7854ff8877" }));
        Assert.Equal("<none>", KubeFormat.Labels(null));
        Assert.Equal("<none>", KubeFormat.Labels(new Dictionary<string, string>()));
    }

    [Fact]
    public void LabelSelector_AllOperatorForms_SortedByKey()
    {
        var selector = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["tier"] = "web" },
            MatchExpressions =
            [
                new V1LabelSelectorRequirement { Key = "env", OperatorProperty = "In", Values = ["prod", "dev"] },
                new V1LabelSelectorRequirement { Key = "zone", OperatorProperty = "NotIn", Values = ["a"] },
                new V1LabelSelectorRequirement { Key = "canary", OperatorProperty = "DoesNotExist" },
                new V1LabelSelectorRequirement { Key = "app", OperatorProperty = "Exists" },
            ],
        };
        Assert.Equal("app,!canary,env in (dev,prod),tier=web,zone notin (a)", KubeFormat.LabelSelector(selector));
        Assert.Equal("<none>", KubeFormat.LabelSelector(null));
        Assert.Equal("<none>", KubeFormat.LabelSelector(new V1LabelSelector()));
        var bad = new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "x", OperatorProperty = "Near" }] };
        Assert.Equal("<error>", KubeFormat.LabelSelector(bad));
        Assert.Null(KubeFormat.LabelSelectorString(bad));
    }

    [Theory]
    [InlineData(new[] { "ReadWriteOnce" }, "RWO")]
    [InlineData(new[] { "ReadWriteOncePod", "ReadWriteMany", "ReadOnlyMany", "ReadWriteOnce" }, "RWO,ROX,RWX,RWOP")]
    [InlineData(new[] { "ReadWriteMany", "ReadWriteMany" }, "RWX")]
    [InlineData(new string[0], "")]
    public void AccessModes_FixedOrderNoDuplicates(string[] modes, string expected) =>
        Assert.Equal(expected, KubeFormat.AccessModes(modes));

    [Theory]
    [InlineData("1Gi", "1Gi")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("0.5", "500m")]
    [InlineData("100m", "100m")]
    [InlineData("0", "0")]
    public void Quantity_Canonical(string input, string expected) =>
        Assert.Equal(expected, KubeFormat.Quantity(new ResourceQuantity(input)));

    [Fact]
    public void ContainersAndImages_RegularOnlyJoinedWithoutSpaces()
    {
        var containers = new[] { new V1Container { Name = "web", Image = "nginx:1.25" }, new V1Container { Name = "log", Image = "fluent-bit" } };
        Assert.Equal("web,log", KubeFormat.ContainerNames(containers));
        Assert.Equal("nginx:1.25,fluent-bit", KubeFormat.ContainerImages(containers));
        Assert.Equal("", KubeFormat.ContainerNames(null));
    }

    [Fact]
    public void Bool_HostPort_KindAndName()
    {
        Assert.Equal("True", KubeFormat.Bool(true));
        Assert.Equal("False", KubeFormat.Bool(false));
        Assert.Equal("<unset>", KubeFormat.Bool(null));
        Assert.Equal("10.0.0.1:80", KubeFormat.HostPort("10.0.0.1", 80));
        Assert.Equal("[fd00::1]:80", KubeFormat.HostPort("fd00::1", 80));
        Assert.Equal("deployment.apps/web", KubeFormat.KindAndName("Deployment", "apps/v1", "web"));
        Assert.Equal("pod/web-0", KubeFormat.KindAndName("Pod", "v1", "web-0"));
        Assert.Equal("crontab.stable.example.com/x", KubeFormat.KindAndName("CronTab", "stable.example.com", "x"));
    }
}
