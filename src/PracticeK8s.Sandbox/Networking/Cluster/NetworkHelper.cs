using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PracticeK8s.Sandbox.Networking.Cluster;

/// <summary>
/// The cluster network's own process: started by the sandbox as root of a fresh user namespace
/// with a network namespace of its own (<c>unshare --user --map-root-user --net</c>), which becomes
/// the cluster namespace (the bridge every pod is linked to, and the Service addresses). It holds
/// each pod's network namespace (an open descriptor: no process needed to keep it) and makes
/// sockets inside the cluster or a pod namespace for the sandbox, passing them over a unix socket:
/// the sandbox itself stays in the host's namespaces (an unprivileged process may not enter these).
/// Requests are one line each; the helper ends when the sandbox's connection closes.
/// <code>
/// pod UID IP          → ok FD      (the pod's namespace, linked to the bridge with address IP; /proc/PID/fd/FD)
/// free UID            → ok
/// listen tcp|udp UID|- IP PORT → ok + socket  (in the pod's namespace, or "-" the cluster's)
/// socket              → ok + socket  (an unconnected TCP socket in the cluster namespace)
/// </code>
/// </summary>
public sealed class NetworkHelper
{
    public const string Command = "network-helper";
    private readonly string _ip;
    private readonly int _clusterNamespace;
    private readonly Dictionary<string, (int Fd, string Link)> _pods = new(StringComparer.Ordinal);
    private int _nextLink;

    private NetworkHelper(string ip)
    {
        _ip = ip;
        _clusterNamespace = NetworkNative.OpenThreadNetworkNamespace();
    }

    /// <summary>The helper process's main: <c>network-helper SOCKET-PATH IP-PROGRAM</c>.</summary>
    public static int Run(string socketPath, string ipProgram)
    {
        try
        {
            var helper = new NetworkHelper(ipProgram);
            helper.RunIp(null, ClusterAddressPlan.ClusterSetup());
            using var listener = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            listener.Listen(1);
            Console.Out.WriteLine("ready");
            Console.Out.Flush();
            using var connection = listener.Accept(); // (the sandbox removes the socket's directory once connected)
            // One thread serves every request: it moves between namespaces (setns is per thread).
            var thread = new Thread(() => helper.Serve((int)connection.Handle)) { IsBackground = false, Name = "network-helper" };
            thread.Start();
            thread.Join();
            return 0;
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException)
        {
            Console.Error.WriteLine($"network helper: {e.Message}");
            return 1;
        }
    }

    private void Serve(int connection)
    {
        while (true)
        {
            var (text, fd) = FdPassing.Receive(connection);
            if (fd >= 0) FdPassing.Close(fd);
            if (text is null) return; // the sandbox is gone
            string reply;
            var socket = (Socket?)null;
            try { reply = Handle(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), out socket); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                reply = "error " + e.Message.ReplaceLineEndings(" ");
                Console.Error.WriteLine($"network helper: {text}: {e}");
            }
            using (socket) FdPassing.Send(connection, reply, socket is null ? -1 : (int)socket.Handle);
        }
    }

    private string Handle(string[] request, out Socket? socket)
    {
        socket = null;
        switch (request)
        {
            case ["pod", var uid, var ip]:
                return "ok " + AddPod(uid, IPAddress.Parse(ip).ToString()).ToString(CultureInfo.InvariantCulture);
            case ["free", var uid]:
                if (_pods.Remove(uid, out var pod)) FdPassing.Close(pod.Fd);
                return "ok";
            case ["listen", var protocol, var where, var ip, var port]:
                socket = InNamespace(where == "-" ? _clusterNamespace : _pods.TryGetValue(where, out var p) ? p.Fd : throw new ArgumentException($"no pod {where}"),
                    () => Listen(protocol, IPAddress.Parse(ip), int.Parse(port, CultureInfo.InvariantCulture)));
                return "ok";
            case ["socket"]:
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                return "ok";
            default:
                throw new ArgumentException("unknown request");
        }
    }

    private static Socket Listen(string protocol, IPAddress ip, int port)
    {
        var udp = protocol == "udp";
        var socket = udp ? new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
                         : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(ip, port));
            if (!udp) socket.Listen(512);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="make"/> with this thread in the namespace <paramref name="fd"/> (the socket it makes stays there), then comes back.</summary>
    private T InNamespace<T>(int fd, Func<T> make)
    {
        if (fd == _clusterNamespace) return make();
        NetworkNative.Check(NetworkNative.SetNs(fd, NetworkNative.CloneNewNet), "setns");
        try { return make(); }
        finally { NetworkNative.Check(NetworkNative.SetNs(_clusterNamespace, NetworkNative.CloneNewNet), "setns back"); }
    }

    private int AddPod(string uid, string ip)
    {
        if (_pods.TryGetValue(uid, out var known)) return known.Fd;
        NetworkNative.Check(NetworkNative.Unshare(NetworkNative.CloneNewNet), "unshare");
        int fd;
        try { fd = NetworkNative.OpenThreadNetworkNamespace(); }
        finally { NetworkNative.Check(NetworkNative.SetNs(_clusterNamespace, NetworkNative.CloneNewNet), "setns back"); }
        var path = $"/proc/{Environment.ProcessId}/fd/{fd}";
        var link = "veth" + (++_nextLink).ToString(CultureInfo.InvariantCulture);
        try
        {
            RunIp(null, ClusterAddressPlan.PodLink(link, path));
            RunIp(path, ClusterAddressPlan.PodSetup(ip));
        }
        catch
        {
            FdPassing.Close(fd);
            throw;
        }
        _pods[uid] = (fd, link);
        return fd;
    }

    /// <summary>Runs an <c>ip -batch</c> script in the cluster namespace, or (with <paramref name="netns"/>) in that one.</summary>
    private void RunIp(string? netns, string script)
    {
        var start = new ProcessStartInfo(netns is null ? _ip : Runtime.Isolation.NamespaceLauncher.Nsenter ?? "nsenter")
        {
            RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        if (netns is not null)
        {
            start.ArgumentList.Add($"--net={netns}");
            start.ArgumentList.Add(_ip);
        }
        start.ArgumentList.Add("-batch");
        start.ArgumentList.Add("-");
        using var process = Process.Start(start) ?? throw new IOException($"cannot run {_ip}");
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new IOException($"{_ip} failed: {error.Trim()}");
    }
}
