using System.Diagnostics;
using System.Net.Sockets;
using PracticeK8s.Sandbox.Runtime.Isolation;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Networking.Cluster;

/// <summary>The sandbox's end of the <see cref="NetworkHelper"/>: starts it, sends requests one at a time, receives sockets.</summary>
public sealed class NetworkHelperClient : IDisposable
{
    private readonly Process _process;
    private readonly Socket _connection;
    private readonly object _gate = new();

    /// <summary>The helper's host PID: its namespaces and the pods' are reached under /proc/PID.</summary>
    public int Pid { get; }

    private NetworkHelperClient(Process process, Socket connection)
    {
        _process = process;
        _connection = connection;
        Pid = process.Id;
    }

    /// <summary>The <c>ip</c> program (iproute2), or null where there is none.</summary>
    public static string? IpProgram =>
        HostShell.FindOnPath("ip") ?? new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }.FirstOrDefault(File.Exists);

    /// <summary>Starts the helper; throws when it does not come up within 15 s.</summary>
    public static NetworkHelperClient Start(string ipProgram)
    {
        // A fresh private (0700) directory with a short path (a unix socket's path has at most 107 bytes),
        // removed once connected: the helper accepts one connection only.
        var directory = Directory.CreateTempSubdirectory("practicek8s-net-").FullName;
        try { return Start(directory, ipProgram); }
        finally { try { Directory.Delete(directory, recursive: true); } catch (IOException) { } }
    }

    private static NetworkHelperClient Start(string directory, string ipProgram)
    {
        var socketPath = Path.Combine(directory, "net.sock");
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(NamespaceLauncher.Unshare ?? throw new InvalidOperationException("unshare is missing"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--user", "--map-root-user", "--net", "--" }) start.ArgumentList.Add(a);
        start.ArgumentList.Add(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(NetworkHelper).Assembly.Location);
        foreach (var a in new[] { NetworkHelper.Command, socketPath, ipProgram }) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the network helper");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(15)) || ready.Result != "ready")
        {
            try { process.Kill(); } catch (InvalidOperationException) { }
            var errors = process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"the cluster network did not start: {(errors.Wait(TimeSpan.FromSeconds(2)) ? errors.Result.Trim() : "no answer")}");
        }
        // What the helper reports goes to the sandbox's log.
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginErrorReadLine();
        var connection = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        connection.Connect(new UnixDomainSocketEndPoint(socketPath));
        return new NetworkHelperClient(process, connection);
    }

    /// <summary>Sends one request; returns the reply's words after "ok" and the socket it carried (if any). Throws with the helper's message on "error".</summary>
    public (string[] Reply, Socket? Socket) Request(string request)
    {
        string? text;
        int fd;
        lock (_gate)
        {
            FdPassing.Send((int)_connection.Handle, request);
            (text, fd) = FdPassing.Receive((int)_connection.Handle);
        }
        var socket = fd >= 0 ? new Socket(new SafeSocketHandle((IntPtr)fd, ownsHandle: true)) : null;
        if (text is null) throw new IOException("the cluster network's helper has ended");
        if (!text.StartsWith("ok", StringComparison.Ordinal))
        {
            socket?.Dispose();
            throw new IOException(text.StartsWith("error ", StringComparison.Ordinal) ? text[6..] : text);
        }
        return (text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..], socket);
    }

    public void Dispose()
    {
        _connection.Dispose(); // the helper ends when its connection closes
        if (!_process.WaitForExit(2000)) try { _process.Kill(); } catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
