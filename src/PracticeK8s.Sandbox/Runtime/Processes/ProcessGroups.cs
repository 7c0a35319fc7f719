using System.Diagnostics;

namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>
/// The process groups the runtime started (one per host process). Kills them all at shutdown, and
/// keeps a watchdog <c>sh</c> whose stdin is a pipe from the sandbox: if the sandbox dies without
/// cleaning up (kill -9), the pipe closes and the watchdog kills every group listed in
/// <c>&lt;dir&gt;/process-groups</c>, so no container process outlives the sandbox.
/// </summary>
public sealed class ProcessGroups : IDisposable
{
    private readonly string _listFile;
    private readonly HashSet<int> _groups = new();
    private readonly object _lock = new();
    private Process? _watchdog;
    private bool _disposed;

    public ProcessGroups(string directory)
    {
        Security.PrivateFiles.CreateDirectory(directory);
        _listFile = Path.Combine(directory, "process-groups");
        KillListed(); // leftovers of a previous run that crashed before its watchdog could act
    }

    public int Count { get { lock (_lock) return _groups.Count; } }

    public void Add(int pgid)
    {
        lock (_lock)
        {
            if (_disposed) return;
            _groups.Add(pgid);
            WriteList();
            if (_watchdog is null && !OperatingSystem.IsWindows() && HostProcess.UsesProcessGroups) _watchdog = StartWatchdog();
        }
    }

    public void Remove(int pgid)
    {
        lock (_lock)
        {
            if (_groups.Remove(pgid) && !_disposed) WriteList();
        }
    }

    private void WriteList()
    {
        Security.PrivateFiles.WriteAtomically(_listFile, string.Join("\n", _groups) + "\n", durable: false);
    }

    private void KillListed()
    {
        if (OperatingSystem.IsWindows() || !File.Exists(_listFile)) return;
        foreach (var line in File.ReadAllLines(_listFile))
            if (int.TryParse(line, out var g) && g > 1) Native.SignalGroup(g, Native.SIGKILL);
        File.Delete(_listFile);
    }

    private Process? StartWatchdog()
    {
        var psi = new ProcessStartInfo(HostShell.Setsid ?? "sh") { RedirectStandardInput = true, UseShellExecute = false };
        if (HostShell.Setsid is not null) psi.ArgumentList.Add("sh");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("while read -r _; do :; done; for g in $(cat \"$0\" 2>/dev/null); do kill -KILL -\"$g\" 2>/dev/null; done; rm -f \"$0\"");
        psi.ArgumentList.Add(_listFile);
        try { return Process.Start(psi); }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    /// <summary>Kills every group still running (SIGKILL). On Windows each process is killed with its tree by its owner instead.</summary>
    public void KillAll()
    {
        if (OperatingSystem.IsWindows()) return;
        List<int> groups;
        lock (_lock) groups = _groups.ToList();
        foreach (var g in groups) Native.SignalGroup(g, Native.SIGKILL);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
        }
        KillAll();
        lock (_lock)
        {
            _groups.Clear();
            try { File.Delete(_listFile); } catch (IOException) { }
            if (_watchdog is { } w)
            {
                try
                {
                    w.StandardInput.Close(); // EOF: the watchdog finds an empty list and exits
                    if (!w.WaitForExit(2000)) w.Kill();
                }
                catch (InvalidOperationException) { }
                w.Dispose();
            }
        }
    }
}
