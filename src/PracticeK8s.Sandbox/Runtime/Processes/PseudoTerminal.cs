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

    /// <summary>A terminal of another devpts instance: its path where that instance is /dev/pts (null for the host's).</summary>
    public string? PathInside { get; private init; }

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

    /// <summary>
    /// A terminal of another devpts instance (a container's <c>/dev/pts</c>, reached from here as
    /// <paramref name="ptsDirectory"/>): its number is asked of the master itself, since libc's
    /// ptsname would look the number up in this process's own /dev/pts.
    /// </summary>
    private PseudoTerminal(int master, string slavePath, TerminalSize size)
    {
        _master = master;
        SlavePath = slavePath;
        _slave = Native.Open(SlavePath, Native.O_RDWR | Native.O_NOCTTY);
        Resize(size);
    }

    /// <summary>A terminal from the devpts instance at <paramref name="ptsDirectory"/>; null when it has no <c>ptmx</c> to open.</summary>
    public static PseudoTerminal? OpenIn(string ptsDirectory, TerminalSize size)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var master = Native.Open(Path.Combine(ptsDirectory, "ptmx"), Native.O_RDWR | Native.O_NOCTTY);
        if (master < 0) return null;
        uint number = 0;
        int unlock = 0;
        if (Native.Ioctl(master, Native.TIOCGPTN, ref number) != 0 || Native.Ioctl(master, Native.TIOCSPTLCK, ref unlock) != 0)
        {
            Native.Close(master);
            return null;
        }
        var name = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var inside = ptsDirectory.IndexOf("/dev/", StringComparison.Ordinal) is var at and >= 0 ? ptsDirectory[at..] : "/dev/pts";
        return new PseudoTerminal(master, Path.Combine(ptsDirectory, name), size) { PathInside = inside + "/" + name };
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
