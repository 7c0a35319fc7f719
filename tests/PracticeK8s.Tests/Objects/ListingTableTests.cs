using k8s.Models;
using PracticeK8s.Engine.Presentation;

namespace PracticeK8s.Tests.Objects;

public sealed class ListingTableTests
{
    private static readonly DateTime Now = new(2026, 12, 8, 5, 0, 0, DateTimeKind.Utc);

    private static V1ConfigMap ConfigMap(string name, string ns = "default") => new()
    {
        ApiVersion = "v1", Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, CreationTimestamp = Now.AddSeconds(-5) },
    };

    [Fact]
    public void FirstPage_GivesOneLinePerObject_AndTheHeaderAlignedWithThem()
    {
        var table = new ListingTable(wide: false, withNamespace: false, showKind: false, blankLineFirst: false);
        var lines = table.Lines([ConfigMap("a"), ConfigMap("longer-name")], Now);
        Assert.Equal(["a             0      5s", "longer-name   0      5s"], lines);
        Assert.Equal("NAME          DATA   AGE", table.Header);
    }

    [Fact]
    public void ALaterPageWithAWiderCell_WidensTheColumn_AndTheHeaderFollows()
    {
        var table = new ListingTable(wide: false, withNamespace: true, showKind: false, blankLineFirst: false);
        table.Lines([ConfigMap("a", "ns")], Now);
        Assert.Equal("NAMESPACE   NAME   DATA   AGE", table.Header);
        var later = table.Lines([ConfigMap("b", "a-longer-namespace")], Now);
        Assert.Equal("a-longer-namespace   b      0      5s", later[0]);
        Assert.Equal("NAMESPACE            NAME   DATA   AGE", table.Header);
    }

    [Fact]
    public void ShowKind_PrefixesNames_AsKubectlGetAll()
    {
        var table = new ListingTable(wide: false, withNamespace: false, showKind: true, blankLineFirst: true);
        Assert.StartsWith("configmap/a ", table.Lines([ConfigMap("a")], Now)[0]);
        Assert.True(table.BlankLineFirst);
    }
}
