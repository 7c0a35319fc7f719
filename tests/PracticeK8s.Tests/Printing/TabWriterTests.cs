using PracticeK8s.Printing;

namespace PracticeK8s.Tests.Printing;

public sealed class TabWriterTests
{
    private static string Table(params string[][] rows) =>
        TabWriter.Format(rows, TabWriter.TableMinWidth, TabWriter.TablePadding);

    [Fact]
    public void GetTable_ColumnsAreWidestCellPlusThree_LastCellUnpadded()
    {
        var text = Table(["NAME", "READY", "STATUS", "RESTARTS", "AGE"], ["nginx", "1/1", "Running", "0", "5s"]);
        Assert.Equal("NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          5s\n", text);
    }

    [Fact]
    public void GetTable_NarrowColumnsStillTakeMinWidthSix()
    {
        Assert.Equal("A     B\nY     Z\n", Table(["A", "B"], ["Y", "Z"]));
    }

    [Fact]
    public void TrailingEmptyCell_LeavesThePaddedCellBeforeIt()
    {
        // kubectl config get-contexts with a context that has no namespace
        var text = Table(
            ["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"],
            ["*", "lke48122-ctx", "lke48122", "lke48122-admin", "default"],
            [" ", "other", "c", "u", ""]);
        Assert.Equal(
            "CURRENT   NAME           CLUSTER    AUTHINFO         NAMESPACE\n" +
            "*         lke48122-ctx   lke48122   lke48122-admin   default\n" +
            "          other          c          u                \n", text);
    }

    [Fact]
    public void Describe_LineWithoutTabEndsTheBlock()
    {
        var text = TabWriter.FormatText("Name:\tweb\nLongerLabel:\tx\nSection:\n  A:\t1\n", 0, 2);
        Assert.Equal("Name:         web\nLongerLabel:  x\nSection:\n  A:  1\n", text);
    }

    [Fact]
    public void EmptyLineEndsEveryBlock()
    {
        var text = TabWriter.FormatText("a\tb\n\nlonger\tc\n", 0, 2);
        Assert.Equal("a  b\n\nlonger  c\n", text);
    }

    [Fact]
    public void NestedColumnsAreSizedOnlyOverLinesThatHaveThem()
    {
        // Column 0 spans all three lines; column 1 only the first two (the third has one tab-terminated cell).
        var text = TabWriter.FormatText("Port:\t<unset>\t8080/TCP\nNodePort:\thttp\t30000/TCP\nEndpoints:\tx\n", 0, 2);
        Assert.Equal(
            "Port:       <unset>  8080/TCP\n" +
            "NodePort:   http     30000/TCP\n" +
            "Endpoints:  x\n", text);
    }

    [Fact]
    public void SecondColumnBlockBreaksWhereALineLacksIt()
    {
        // Lines 1 and 3 have two tab-terminated cells, line 2 only one: column 1 forms two separate blocks.
        var text = TabWriter.FormatText("a\tbbbbbb\tc\nd\te\nf\tg\th\n", 0, 2);
        Assert.Equal("a  bbbbbb  c\nd  e\nf  g  h\n", text);
    }

    [Fact]
    public void EmptyCellBecomesJustPadding_AndWidthCountsCodePoints()
    {
        var text = TabWriter.FormatText("\tvalue\nkey:\tv2\nnäme😀\tx\n", 0, 2);
        Assert.Equal("       value\nkey:   v2\nnäme😀  x\n", text);
    }

    [Fact]
    public void Worked_Example_ConditionsFollowedByReplicaSets()
    {
        var input =
            "Conditions:\n" +
            "  Type\tStatus\tReason\n" +
            "  ----\t------\t------\n" +
            "  Available \tTrue\tMinimumReplicasAvailable\n" +
            "  Progressing \tTrue\tNewReplicaSetAvailable\n" +
            "OldReplicaSets:\t<none>\n" +
            "NewReplicaSet:\tweb-7854ff8877 (3/3 replicas created)\n";
        var expected =
            "Conditions:\n" +
            "  Type           Status  Reason\n" +
            "  ----           ------  ------\n" +
            "  Available      True    MinimumReplicasAvailable\n" +
            "  Progressing    True    NewReplicaSetAvailable\n" +
            "OldReplicaSets:  <none>\n" +
            "NewReplicaSet:   web-7854ff8877 (3/3 replicas created)\n";
        Assert.Equal(expected, TabWriter.FormatText(input, TabWriter.DescribeMinWidth, TabWriter.DescribePadding));
    }

    [Fact]
    public void FormatText_KeepsAMissingFinalNewlineMissing()
    {
        Assert.Equal("a  b", TabWriter.FormatText("a\tb", 0, 2));
    }
}
