using System.ComponentModel;
using System.Diagnostics;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Edit;

/// <summary>
/// The editor kubectl edit runs: $KUBE_EDITOR, else $EDITOR, else vi (notepad on Windows). A
/// value without spaces is the program; with spaces but no quotes or backslashes it is split on
/// spaces; anything else runs through $SHELL -c (cmd /C on Windows) with the file appended quoted.
/// </summary>
public sealed record EditorCommand(string Setting, string FileName, IReadOnlyList<string> Arguments, bool ViaShell)
{
    public static string Choose(string? kubeEditor, string? editor, bool isWindows) =>
        !string.IsNullOrWhiteSpace(kubeEditor) ? kubeEditor.Trim()
        : !string.IsNullOrWhiteSpace(editor) ? editor.Trim()
        : isWindows ? "notepad" : "vi";

    public static EditorCommand Parse(string setting, bool isWindows, string? shell)
    {
        if (!setting.Contains(' '))
            return new EditorCommand(setting, setting, [], false);
        if (setting.IndexOfAny(['"', '\'', '\\']) < 0)
        {
            var parts = setting.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new EditorCommand(setting, parts[0], parts[1..], false);
        }
        return isWindows
            ? new EditorCommand(setting, "cmd", ["/C", setting], true)
            : new EditorCommand(setting, string.IsNullOrEmpty(shell) ? "/bin/bash" : shell, ["-c", setting], true);
    }

    public static EditorCommand FromEnvironment() =>
        Parse(Choose(Environment.GetEnvironmentVariable("KUBE_EDITOR"), Environment.GetEnvironmentVariable("EDITOR"), OperatingSystem.IsWindows()),
            OperatingSystem.IsWindows(), Environment.GetEnvironmentVariable("SHELL"));

    /// <summary>The argument list for editing <paramref name="path"/>.</summary>
    public IReadOnlyList<string> ArgumentsFor(string path)
    {
        var args = Arguments.ToList();
        if (ViaShell)
            args[^1] = $"{args[^1]} \"{path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        else
            args.Add(path);
        return args;
    }

    /// <summary>Runs the editor on the file with the console handed over, and waits for it to exit.</summary>
    public async Task RunAsync(string path, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(FileName) { UseShellExecute = false };
        foreach (var arg in ArgumentsFor(path))
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process was started");
        }
        catch (Win32Exception e)
        {
            throw new KubeException($"unable to launch the editor \"{Setting}\": {e.Message}", "KubeEditorFailed",
                System.Management.Automation.ErrorCategory.ResourceUnavailable, Setting, e,
                "Set $env:KUBE_EDITOR or $env:EDITOR to an editor that waits until the file is closed (for example 'code --wait').");
        }
        using (process)
        {
            try
            {
                await process.WaitForExitAsync(cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw;
            }
            if (process.ExitCode != 0)
            {
                throw new KubeException($"there was a problem with the editor \"{Setting}\" (exit code {process.ExitCode})", "KubeEditorFailed",
                    System.Management.Automation.ErrorCategory.InvalidResult, Setting);
            }
        }
    }
}
