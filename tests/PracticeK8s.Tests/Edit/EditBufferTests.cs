using PracticeK8s.Engine.Edit;

namespace PracticeK8s.Tests.Edit;

public sealed class EditBufferTests
{
    [Fact]
    public void Compose_PutsTheHeaderAndTheErrorsAsCommentsAboveTheBody()
    {
        var text = EditBuffer.Compose("a: 1\n", ["deployments.apps \"web\" was not valid:", "* spec.replicas: Invalid value: -1"]);
        var lines = text.Split('\n');
        Assert.Equal("# Please edit the object below. Lines beginning with a '#' will be ignored,", lines[0]);
        Assert.Equal("# deployments.apps \"web\" was not valid:", lines[4]);
        Assert.Equal("# * spec.replicas: Invalid value: -1", lines[5]);
        Assert.Equal("#", lines[6]);
        Assert.Equal("a: 1", lines[7]);
    }

    [Fact]
    public void Compose_WritesWindowsLineEndingsWhenAsked() =>
        Assert.Equal(EditBuffer.Header.Length + 2, EditBuffer.Compose("a: 1\nb: 2\n", [], "\r\n").Split("\r\n").Length - 1);

    [Fact]
    public void StripComments_RemovesOnlyFirstColumnComments()
    {
        var stripped = EditBuffer.StripComments("# header\r\ndata:\r\n  script: |\r\n    # kept inside a block\r\n#another\r\n");
        Assert.Equal("data:\n  script: |\n    # kept inside a block\n", stripped);
        Assert.True(EditBuffer.IsEmpty(EditBuffer.StripComments("# only\n#comments\n\n")));
        Assert.Equal("a: 1\n", EditBuffer.StripComments(EditBuffer.Compose("a: 1\n", ["x"])));
    }
}
