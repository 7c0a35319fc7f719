using PracticeK8s.Engine.Edit;

namespace PracticeK8s.Tests.Edit;

public sealed class EditorCommandTests
{
    [Theory]
    [InlineData("nano", "vim", false, "nano")]
    [InlineData(null, "vim", false, "vim")]
    [InlineData(" ", "", false, "vi")]
    [InlineData(null, null, true, "notepad")]
    public void Choose_PrefersKubeEditor_ThenEditor_ThenThePlatformDefault(string? kubeEditor, string? editor, bool windows, string expected) =>
        Assert.Equal(expected, EditorCommand.Choose(kubeEditor, editor, windows));

    [Fact]
    public void AValueWithoutSpaces_IsTheProgram()
    {
        var command = EditorCommand.Parse("vim", false, "/bin/zsh");
        Assert.Equal("vim", command.FileName);
        Assert.Equal(["/tmp/f.yaml"], command.ArgumentsFor("/tmp/f.yaml"));
    }

    [Fact]
    public void AValueWithSpaces_IsSplitIntoProgramAndArguments()
    {
        var command = EditorCommand.Parse("code --wait  --new-window", false, null);
        Assert.Equal("code", command.FileName);
        Assert.Equal(["--wait", "--new-window", "/tmp/f.yaml"], command.ArgumentsFor("/tmp/f.yaml"));
        Assert.False(command.ViaShell);
    }

    [Fact]
    public void AValueWithQuotes_RunsThroughTheShell_WithTheFileQuoted()
    {
        var command = EditorCommand.Parse("'/opt/my editor/bin' -w", false, "/bin/zsh");
        Assert.Equal("/bin/zsh", command.FileName);
        Assert.Equal(["-c", "'/opt/my editor/bin' -w \"/tmp/a \\\"b\\\".yaml\""], command.ArgumentsFor("/tmp/a \"b\".yaml"));
        Assert.Equal("/bin/bash", EditorCommand.Parse("a \"b\"", false, null).FileName);
        var windows = EditorCommand.Parse("\"C:\\Program Files\\ed.exe\" -n", true, null);
        Assert.Equal("cmd", windows.FileName);
        Assert.Equal("/C", windows.ArgumentsFor("x")[0]);
    }
}
