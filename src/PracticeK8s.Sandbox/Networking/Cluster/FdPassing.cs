using System.Runtime.InteropServices;
using System.Text;

namespace PracticeK8s.Sandbox.Networking.Cluster;

/// <summary>
/// Messages with an optional file descriptor attached (SCM_RIGHTS) over a SOCK_SEQPACKET unix
/// socket: how a socket made in another network namespace reaches the sandbox process. .NET has no
/// API for descriptor passing, hence sendmsg/recvmsg here (64-bit Linux layouts).
/// </summary>
public static partial class FdPassing
{
    public const int MaxMessage = 4096;
    private const int SolSocket = 1, ScmRights = 1, MsgCmsgCloexec = 0x40000000;
    private const int CmsgHeader = 16, CmsgSpace = 24; // CMSG_SPACE(sizeof(int)) on LP64

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec { public IntPtr Base; public UIntPtr Length; }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public IntPtr Name; public int NameLength;
        public IntPtr Iov; public UIntPtr IovLength;
        public IntPtr Control; public UIntPtr ControlLength;
        public int Flags;
    }

    [LibraryImport("libc", EntryPoint = "sendmsg", SetLastError = true)]
    private static partial nint SendMsg(int fd, ref MsgHdr message, int flags);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static partial nint RecvMsg(int fd, ref MsgHdr message, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>Sends one message, with <paramref name="fd"/> attached when it is not -1.</summary>
    public static unsafe void Send(int socket, string text, int fd = -1)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var control = stackalloc byte[CmsgSpace];
        fixed (byte* data = bytes)
        {
            var iov = new IoVec { Base = (IntPtr)data, Length = (UIntPtr)bytes.Length };
            var message = new MsgHdr { Iov = (IntPtr)(&iov), IovLength = 1 };
            if (fd >= 0)
            {
                new Span<byte>(control, CmsgSpace).Clear();
                *(ulong*)control = (ulong)(CmsgHeader + sizeof(int));
                *(int*)(control + 8) = SolSocket;
                *(int*)(control + 12) = ScmRights;
                *(int*)(control + CmsgHeader) = fd;
                message.Control = (IntPtr)control;
                message.ControlLength = CmsgSpace;
            }
            while (true)
            {
                if (SendMsg(socket, ref message, 0) >= 0) return;
                var errno = Marshal.GetLastPInvokeError();
                if (errno != 4) throw new IOException($"sendmsg failed (errno {errno})"); // 4: EINTR
            }
        }
    }

    /// <summary>Receives one message and the descriptor attached to it (-1 when none); null text at end of stream.</summary>
    public static unsafe (string? Text, int Fd) Receive(int socket)
    {
        var buffer = new byte[MaxMessage];
        var control = stackalloc byte[CmsgSpace];
        fixed (byte* data = buffer)
        {
            var iov = new IoVec { Base = (IntPtr)data, Length = (UIntPtr)buffer.Length };
            var message = new MsgHdr { Iov = (IntPtr)(&iov), IovLength = 1, Control = (IntPtr)control, ControlLength = CmsgSpace };
            nint n;
            while ((n = RecvMsg(socket, ref message, MsgCmsgCloexec)) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != 4) throw new IOException($"recvmsg failed (errno {errno})");
            }
            if (n == 0) return (null, -1);
            var fd = -1;
            if ((ulong)message.ControlLength >= CmsgHeader + sizeof(int)
                && *(int*)(control + 8) == SolSocket && *(int*)(control + 12) == ScmRights)
                fd = *(int*)(control + CmsgHeader);
            return (Encoding.UTF8.GetString(buffer, 0, (int)n), fd);
        }
    }
}
