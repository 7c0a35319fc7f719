using PracticeK8s.Printing;

namespace PracticeK8s.Tests.Printing;

public sealed class GrowingTabWriterTests
{
    [Fact]
    public void OneBatch_IsAlignedAsKubectlsTabwriterAlignsIt()
    {
        string[][] rows = [["NAME", "READY", "STATUS", "RESTARTS", "AGE"], ["nginx", "1/1", "Running", "0", "5s"]];
        var lines = new GrowingTabWriter().Format(rows);
        Assert.Equal(TabWriter.Format(rows, TabWriter.TableMinWidth, TabWriter.TablePadding), string.Join("", lines.Select(l => l + "\n")));
    }

    [Fact]
    public void ALaterWiderCell_WidensItsColumn_NeverCut()
    {
        var writer = new GrowingTabWriter();
        var first = writer.Format([["NAME", "STATUS", "AGE"], ["web", "Running", "5s"]]);
        var later = writer.Format([["web", "ContainerCreating", "6s"]]);
        Assert.Equal("NAME   STATUS    AGE", first[0]);
        Assert.Equal("web    ContainerCreating   6s", later[0]);
        // The wider column stays wide for the rows after it.
        Assert.Equal("web    Running             7s", writer.Format([["web", "Running", "7s"]])[0]);
    }

    [Fact]
    public void ANarrowerBatch_KeepsTheWidthsAlreadyPrinted()
    {
        var writer = new GrowingTabWriter();
        writer.Format([["NAME", "AGE"], ["a-very-long-name", "5s"]]);
        Assert.Equal("b".PadRight("a-very-long-name".Length + 3) + "1s", writer.Format([["b", "1s"]])[0]);
    }
}
