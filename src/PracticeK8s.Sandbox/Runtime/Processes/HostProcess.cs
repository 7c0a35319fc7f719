using System.ComponentModel;
using System.Diagnostics;

namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>
/// A real local process. On Unix it leads its own process group (started through <c>setsid</c>), so
/// stopping it stops everything it spawned; with a TTY it runs on a fresh pseudo-terminal that it
/// takes as its controlling terminal. Output is handed over as raw bytes, in the order it was read (see <see cref="OrderedOutputReader"/>).
/// </summary>
public sealed class HostProcess : IContainerProcess
{
    /// <summary>How long output is still read after the process exited (children may hold the pipes open).</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    public static bool UsesProcessGroups => HostShell.Setsid is not null;

    private readonly Process _process;
    private readonly PseudoTerminal? _pty;
    private readonly ProcessGroups? _groups;
    private readonly Task _readers;
    private readonly SemaphoreSlim _inputLock = new(1, 1);
    private bool _inputClosed;
    private readonly CancellationTokenSource _stopReading = new();

    public int Pid { get; }
    public Task<int> Completion { get; }

    private HostProcess(Process process, PseudoTerminal? pty, ProcessGroups? groups, Func<OutputStream, ReadOnlyMemory<byte>, ValueTask> output)
    {
        _process = process;
        _pty = pty;
        _groups = groups;
        Pid = process.Id;
        groups?.Add(Pid);
        _readers = pty is not null
            ? Task.Factory.StartNew(() => pty.ReadLoop(chunk => output(OutputStream.Stdout, chunk).AsTask().GetAwaiter().GetResult(), _stopReading.Token),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : new OrderedOutputReader(process.StandardOutput.BaseStream, process.StandardError.BaseStream, output, _stopReading.Token).Completion;
        Completion = WaitAsync();
    }

    /// <summary>Starts the process. Throws <see cref="ContainerRuntimeException"/> (StartFailed) when it cannot start.</summary>
    public static HostProcess Start(LaunchSpec spec, Func<OutputStream, ReadOnlyMemory<byte>, ValueTask> output, ProcessGroups? groups)
    {
        var tty = spec.Tty && PseudoTerminal.IsSupported;
        var size = spec.InitialSize.Width == 0 ? new TerminalSize(80, 24) : spec.InitialSize;
        PseudoTerminal? pty = !tty ? null
            : (spec.TerminalDevices is { } devices ? PseudoTerminal.OpenIn(devices, size) : null) ?? new PseudoTerminal(size);
        var psi = new ProcessStartInfo
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory,
        };
        var argv = new List<string>();
        if (HostShell.Setsid is not null) argv.Add(HostShell.Setsid);
        if (pty is not null && !spec.TerminalInside)
        {
            // The shell opens the terminal as its stdio (becoming its controlling terminal as session leader), then runs the program.
            argv.AddRange(new[] { "/bin/sh", "-c", "exec 0<>\"$0\" 1>&0 2>&0; exec \"$@\"", pty.SlavePath });
        }
        argv.AddRange(spec.Argv);
        psi.FileName = argv[0];
        foreach (var a in argv.Skip(1)) psi.ArgumentList.Add(a);
        if (!OperatingSystem.IsWindows()) psi.Environment.Clear();
        foreach (var (k, v) in spec.Environment) psi.Environment[k] = v;
        if (pty is not null && spec.TerminalInside) psi.Environment[LaunchSpec.TerminalVariable] = pty.PathInside ?? pty.SlavePath;
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception e)
        {
            pty?.Dispose();
            throw new ContainerRuntimeException(ContainerRuntimeError.StartFailed, $"{HostShell.NotFoundMessage(spec.Argv[0])}: {e.Message}");
        }
        if (pty is not null) process.StandardInput.Close(); // input goes through the terminal
        return new HostProcess(process, pty, groups, output);
    }

    private async Task<int> WaitAsync()
    {
        await _process.WaitForExitAsync();
        // As when a container's main process ends: whatever it left running in its group goes too.
        if (UsesProcessGroups) Native.SignalGroup(Pid, Native.SIGKILL);
        _pty?.ReleaseSlave();
        if (await Task.WhenAny(_readers, Task.Delay(DrainTimeout)) != _readers) _stopReading.Cancel();
        try { await _readers; } catch (OperationCanceledException) { }
        _groups?.Remove(Pid);
        return _process.ExitCode;
    }

    public async ValueTask<bool> WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        await _inputLock.WaitAsync(ct);
        try
        {
            if (_inputClosed || _process.HasExited) return false;
            if (_pty is not null)
            {
                var copy = data.ToArray();
                await Task.Run(() => _pty.Write(copy), ct);
            }
            else
            {
                await _process.StandardInput.BaseStream.WriteAsync(data, ct);
                await _process.StandardInput.BaseStream.FlushAsync(ct);
            }
            return true;
        }
        catch (IOException) { return false; }
        catch (ObjectDisposedException) { return false; }
        finally { _inputLock.Release(); }
    }

    public void CloseInput()
    {
        _inputLock.Wait();
        try
        {
            if (_inputClosed) return;
            _inputClosed = true;
            if (_pty is not null)
            {
                try { _pty.Write(new byte[] { 4 }); } catch (IOException) { } // ^D: end of input on a terminal
            }
            else
            {
                try { _process.StandardInput.Close(); } catch (IOException) { }
            }
        }
        finally { _inputLock.Release(); }
    }

    public void Terminate() => Signal(Native.SIGTERM);

    public void Kill() => Signal(Native.SIGKILL);

    private void Signal(int signal)
    {
        if (_process.HasExited) return;
        if (OperatingSystem.IsWindows())
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            return;
        }
        if (!(UsesProcessGroups && Native.SignalGroup(Pid, signal))) Native.Kill(Pid, signal);
    }

    public void Resize(TerminalSize size) => _pty?.Resize(size);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        try { await Completion.WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { }
        _stopReading.Cancel();
        try { await _readers.WaitAsync(TimeSpan.FromSeconds(1)); } catch (Exception) { }
        if (_readers.IsCompleted) _pty?.Dispose();
        _process.Dispose();
        _stopReading.Dispose();
    }
}
