using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PracticeK8s.Engine.Sandbox;

/// <summary>
/// The sandbox server as an operating-system process: started detached from the terminal (its own
/// session on Unix, its own hidden console on Windows) so that Ctrl+C in the shell, or the shell
/// exiting, never reaches it; its output goes straight to its log file, not through this process.
/// </summary>
public static class ServerProcess
{
    public const string AssemblyName = "PracticeK8s.Sandbox.dll";

    /// <summary>The dotnet host to run the server with: this process's when it is one, else dotnet on PATH.</summary>
    public static string DotnetHost()
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return process;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (root is not null && File.Exists(Path.Combine(root, exe)))
            return Path.Combine(root, exe);
        return exe;
    }

    /// <summary>
    /// Starts <c>dotnet server.dll args</c> detached, appending its output to <paramref name="logFile"/>
    /// (created 0600 first). The returned process is the launcher; the server's own id is in its ready file.
    /// </summary>
    public static Process Start(string server, IReadOnlyList<string> arguments, string workingDirectory, string logFile)
    {
        using (Files.PrivateFiles.OpenWrite(logFile, FileMode.Append)) { }
        var start = OperatingSystem.IsWindows() ? WindowsStart(server, arguments, logFile) : UnixStart(server, arguments, logFile);
        start.UseShellExecute = false;
        start.CreateNoWindow = true;
        // Our ends of the pipes are closed at once: the server's streams are the log file and /dev/null.
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = workingDirectory;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the sandbox process did not start");
        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();
        return process;
    }

    private static ProcessStartInfo UnixStart(string server, IReadOnlyList<string> arguments, string logFile)
    {
        // setsid (util-linux) gives the server a session of its own: no controlling terminal, so the
        // terminal's SIGINT and SIGHUP never reach it. Without setsid (macOS), a background job of a
        // job-control shell gets its own process group, which the terminal's Ctrl+C does not reach.
        var setsid = FindOnPath("setsid");
        var script = setsid is not null
            ? "exec \"$SETSID\" \"$@\" </dev/null >>\"$LOG\" 2>&1"
            : "set -m; \"$@\" </dev/null >>\"$LOG\" 2>&1 &";
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("practicek8s-sandbox");
        start.ArgumentList.Add(DotnetHost());
        start.ArgumentList.Add(server);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["LOG"] = logFile;
        if (setsid is not null)
            start.Environment["SETSID"] = setsid;
        return start;
    }

    private static ProcessStartInfo WindowsStart(string server, IReadOnlyList<string> arguments, string logFile)
    {
        // cmd.exe with CreateNoWindow runs in a console of its own, outside this console's Ctrl+C group.
        var command = string.Join(' ', new[] { DotnetHost(), server }.Concat(arguments).Select(a => $"\"{a}\""));
        // One raw command line: with /s, cmd drops the outer quotes and runs the rest as written.
        return new ProcessStartInfo(Environment.GetEnvironmentVariable("ComSpec") ?? "cmd.exe")
        {
            Arguments = $"/d /s /c \"{command} <NUL >>\"{logFile}\" 2>&1\"",
        };
    }

    /// <summary>
    /// Whether <paramref name="pid"/> is a live sandbox server. On Linux its command line must name the
    /// server and the data dir, so a process id reused by another program is never taken for it.
    /// </summary>
    public static bool IsServer(int pid, string dataDir)
    {
        if (pid <= 0)
            return false;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
                return arguments.Any(a => a.EndsWith(AssemblyName, StringComparison.Ordinal)) && arguments.Contains(dataDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Asks the server to stop (SIGTERM: it flushes its state and exits), then kills it after <paramref name="grace"/>.</summary>
    public static async Task StopAsync(int pid, string dataDir, TimeSpan grace, Action<string> progress, CancellationToken cancel)
    {
        if (!IsServer(pid, dataDir))
            return;
        if (!OperatingSystem.IsWindows())
            _ = Kill(pid, 15);
        var deadline = DateTime.UtcNow + grace;
        while (IsServer(pid, dataDir) && DateTime.UtcNow < deadline)
            await Task.Delay(50, cancel).ConfigureAwait(false);
        if (IsServer(pid, dataDir))
        {
            progress($"the sandbox did not stop within {grace.TotalSeconds:0} s; killing it");
            KillNow(pid);
            deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (IsServer(pid, dataDir) && DateTime.UtcNow < deadline)
                await Task.Delay(50, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>Kills a process and its children at once (a start that failed or was cancelled).</summary>
    public static void KillNow(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static string? FindOnPath(string program)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/bin"))
        {
            if (directory.Length == 0)
                continue;
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
