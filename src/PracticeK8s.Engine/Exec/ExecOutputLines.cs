namespace PracticeK8s.Engine.Exec;

/// <summary>
/// A command's stdout and stderr as text lines, each handed on the moment it is complete, so lines
/// of the two streams come out in the order the server sent them. A partial line waits for its own
/// stream's line end (or the end of the command): cutting it when the other stream speaks would change the text.
/// </summary>
public sealed class ExecOutputLines(Action<string> stdoutLine, Action<string> stderrLine)
{
    private readonly LineSplitter _stdout = new();
    private readonly LineSplitter _stderr = new();

    public void Stdout(ReadOnlySpan<byte> data)
    {
        foreach (var line in _stdout.Push(data))
            stdoutLine(line);
    }

    public void Stderr(ReadOnlySpan<byte> data)
    {
        foreach (var line in _stderr.Push(data))
            stderrLine(line);
    }

    /// <summary>The command ended: the unterminated last lines, stdout's first.</summary>
    public void Flush()
    {
        if (_stdout.Flush() is { } lastOut)
            stdoutLine(lastOut);
        if (_stderr.Flush() is { } lastErr)
            stderrLine(lastErr);
    }
}
