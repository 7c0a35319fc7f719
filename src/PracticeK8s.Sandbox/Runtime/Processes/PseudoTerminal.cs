using System.Runtime.InteropServices;

namespace PracticeK8s.Sandbox.Runtime.Processes;

/// <summary>
/// A Unix pseudo-terminal pair (posix_openpt). The child opens <see cref="SlavePath"/> as its
/// controlling terminal; the runtime reads and writes the master side and sets the window size.
/// The runtime keeps its own slave descriptor open until the child has exited, so reading the
/// master does not fail before the child has opened its side.
/// </summary>
internal sealed unsafe class PseudoTerminal : IDisposable
{
    private readonly int _master;
    private int _slave;
    private readonly object _writeLock = new();
    private int _disposed;

    public string SlavePath { get; }

    public PseudoTerminal(TerminalSize size)
    {
        _master = Native.PosixOpenpt(Native.O_RDWR | Native.O_NOCTTY);
        if (_master < 0) throw new IOException($"posix_openpt failed: errno {Marshal.GetLastPInvokeError()}");
        var buffer = stackalloc byte[256];
        if (Native.Grantpt(_master) != 0 || Native.Unlockpt(_master) != 0 || Native.PtsnameR(_master, buffer, 256) != 0)
        {
            Native.Close(_master);
            throw new IOException($"cannot set up the pseudo-terminal: errno {Marshal.GetLastPInvokeError()}");
        }
        SlavePath = Marshal.PtrToStringUTF8((nint)buffer)!;
        _slave = Native.Open(SlavePath, Native.O_RDWR | Native.O_NOCTTY);
        Resize(size);
    }

    public static bool IsSupported => !OperatingSystem.IsWindows();

    public void Resize(TerminalSize size)
    {
        if (Volatile.Read(ref _disposed) != 0 || size.Width == 0 || size.Height == 0) return;
        var ws = new Native.WinSize { Cols = size.Width, Rows = size.Height };
        Native.Ioctl(_master, Native.TIOCSWINSZ, ref ws);
    }

    /// <summary>Lets go of the runtime's slave descriptor (after the child exited): the master then reports end of output.</summary>
    public void ReleaseSlave()
    {
        var fd = Interlocked.Exchange(ref _slave, -1);
        if (fd >= 0) Native.Close(fd);
    }

    /// <summary>Reads the master until the terminal closes or <paramref name="ct"/> fires; blocking, run it on its own thread.</summary>
    public void ReadLoop(Action<ReadOnlyMemory<byte>> onData, CancellationToken ct)
    {
        var buffer = new byte[16384];
        var pfd = new Native.PollFd { Fd = _master, Events = Native.POLLIN };
        while (!ct.IsCancellationRequested && Volatile.Read(ref _disposed) == 0)
        {
            int ready = Native.Poll(&pfd, 1, 100);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == Native.EINTR) continue;
                return;
            }
            if (ready == 0) continue;
            nint n;
            fixed (byte* p = buffer) n = Native.Read(_master, p, (nuint)buffer.Length);
            if (n > 0) onData(buffer.AsMemory(0, (int)n));
            else if (n == 0) return;
            else if (Marshal.GetLastPInvokeError() is not (Native.EINTR or Native.EAGAIN)) return; // EIO: every slave closed
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_writeLock)
        {
            while (data.Length > 0 && Volatile.Read(ref _disposed) == 0)
            {
                nint n;
                fixed (byte* p = data) n = Native.Write(_master, p, (nuint)data.Length);
                if (n < 0)
                {
                    if (Marshal.GetLastPInvokeError() is Native.EINTR or Native.EAGAIN) continue;
                    throw new IOException("the terminal is closed");
                }
                data = data[(int)n..];
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        ReleaseSlave();
        Native.Close(_master);
    }
}
