using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class KubeTableTests
{
    private static V1ConfigMap ConfigMap(string name, string ns, Dictionary<string, string>? labels = null) =>
        new() { Metadata = Meta(name, MinutesAgo(5), ns, labels), Data = new Dictionary<string, string> { ["k"] = "v" } };

    [Fact]
    public void AllNamespaces_AddsNamespaceFirst()
    {
        var text = KubeTable.Render([ConfigMap("a", "default"), ConfigMap("kube-root-ca.crt", "kube-system")], Now,
            new TableOptions { WithNamespace = true });
        Assert.Equal(
            "NAMESPACE     NAME               DATA   AGE\n" +
            "default       a                  1      5m\n" +
            "kube-system   kube-root-ca.crt   1      5m\n", text);
    }

    [Fact]
    public void LabelColumns_ThenShowLabelsLast_MissingLabelIsBlankWithTrailingSpaces()
    {
        var options = new TableOptions { LabelColumns = ["app.kubernetes.io/name", "tier"], ShowLabels = true };
        var text = KubeTable.Render(
            [ConfigMap("a", "d", Labels("app.kubernetes.io/name=web", "tier=front")), ConfigMap("b", "d")], Now, options);
        Assert.Equal(
            "NAME   DATA   AGE   NAME   TIER    LABELS\n" +
            "a      1      5m    web    front   app.kubernetes.io/name=web,tier=front\n" +
            "b      1      5m                   <none>\n", text);

        var onlyL = KubeTable.Render([ConfigMap("b", "d")], Now, new TableOptions { LabelColumns = ["tier"] });
        Assert.Equal("NAME   DATA   AGE   TIER\nb      1      5m    \n", onlyL);
    }

    [Fact]
    public void NoHeaders_AndNoBlankLinesBetweenKinds()
    {
        var secret = new V1Secret { Metadata = Meta("s", MinutesAgo(5), "d"), Type = "Opaque" };
        var text = KubeTable.Render([ConfigMap("a", "d"), secret], Now, new TableOptions { NoHeaders = true });
        Assert.Equal("configmap/a   1     5m\nsecret/s   Opaque   0     5m\n", text);
    }

    [Fact]
    public void ShowKind_ForOneKind_UsesGroup()
    {
        var deployment = new V1Deployment { Metadata = Meta("web", MinutesAgo(1), "d"), Spec = new V1DeploymentSpec { Replicas = 1 }, Status = new V1DeploymentStatus() };
        var text = KubeTable.Render([deployment], Now, new TableOptions { ShowKind = true });
        Assert.Equal("NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   0/1     0            0           60s\n", text);
    }

    [Fact]
    public void NoObjects_PrintsNothing()
    {
        Assert.Equal("", KubeTable.Render([], Now));
    }

    [Fact]
    public void Cells_AreCutAtLineBreaks_AndEscapesShown()
    {
        Assert.Equal("first...", KubeTable.Sanitize("first\nsecond"));
        Assert.Equal("a...", KubeTable.Sanitize("a\r\nb"));
        Assert.Equal("^[[31mred", KubeTable.Sanitize("\u001b[31mred"));
        Assert.Equal("plain", KubeTable.Sanitize("plain"));
    }

    [Fact]
    public void LabelHeader_IsTextAfterLastSlashUpperCased()
    {
        Assert.Equal("NAME", KubeTable.LabelHeader("app.kubernetes.io/name"));
        Assert.Equal("TIER", KubeTable.LabelHeader("tier"));
    }

    [Fact]
    public void ObjectsWithoutAPrinter_GetOneTablePerKind()
    {
        var crons = System.Text.Json.JsonDocument.Parse("""{"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"c1","creationTimestamp":"2024-05-01T11:55:00Z"}}""").RootElement;
        var widget = System.Text.Json.JsonDocument.Parse("""{"apiVersion":"shop.example.com/v1beta1","kind":"Widget","metadata":{"name":"w1","creationTimestamp":"2024-05-01T11:00:00Z"}}""").RootElement;
        var text = KubeTable.Render([crons, widget], Now);
        Assert.Equal(
            "NAME".PadRight(32) + "AGE\ncrontab.stable.example.com/c1   5m\n\n" +
            "NAME".PadRight(29) + "AGE\nwidget.shop.example.com/w1   60m\n", text);
    }

    [Fact]
    public void NoResourcesMessage_NamesTheNamespaceUnlessAllOrClusterScoped()
    {
        Assert.Equal("No resources found in kube-system namespace.", KubeTable.NoResourcesMessage("kube-system"));
        Assert.Equal("No resources found", KubeTable.NoResourcesMessage(null));
    }
}
