using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.PortForward;

namespace PracticeK8s.Tests.PortForward;

/// <summary>
/// The local side of a forward: which ports it binds, that stopping frees them, the cap on
/// concurrent connections, and how the session list reports forwards that ended. Connections here
/// reach a connect function that never answers (no server needed to watch the listeners); the
/// bytes-through tests run against the sandbox (tests/pester/PortForward.Tests.ps1).
/// </summary>
public sealed class PortForwardSessionTests
{
    private static ForwardTarget Target(params ResolvedPort[] ports) => new("ns", "web-1", "uid-1", "pod/web-1", ports);

    /// <summary>A connect function that records calls and blocks until the session is stopped.</summary>
    private sealed class HangingConnect
    {
        public int Calls;
        public readonly SemaphoreSlim Called = new(0);

        public async Task<WebSocket> ConnectAsync(string path, CancellationToken cancel)
        {
            Interlocked.Increment(ref Calls);
            Called.Release();
            await Task.Delay(Timeout.Infinite, cancel);
            throw new InvalidOperationException("unreachable");
        }
    }

    private static bool CanBind(IPAddress address, int port)
    {
        var probe = new TcpListener(address, port);
        try
        {
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }

    [Fact]
    public void Port_zero_picks_one_free_port_shared_by_both_loopbacks_and_stop_frees_it()
    {
        var connect = new HangingConnect();
        var session = new PortForwardSession(Target(new ResolvedPort(0, 8080)), "ctx", connect.ConnectAsync);
        var notices = session.Start(ListenAddress.ParseAll(null));
        Assert.Empty(notices);
        var local = Assert.Single(session.LocalPorts);
        Assert.NotEqual(0, local);
        Assert.Contains(session.Endpoints, e => e.Address == $"127.0.0.1:{local}" && e.RemotePort == 8080);
        Assert.False(CanBind(IPAddress.Loopback, local));
        session.Stop();
        Assert.Equal(PortForwardState.Stopped, session.State);
        Assert.True(CanBind(IPAddress.Loopback, local));
        Assert.True(session.Completion.IsCompleted);
    }

    [Fact]
    public void A_taken_port_is_reported_and_with_nothing_bound_the_start_fails()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            int port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var one = new PortForwardSession(Target(new ResolvedPort(port, 80)), "ctx", new HangingConnect().ConnectAsync);
            var e = Assert.Throws<KubeException>(() => one.Start(ListenAddress.ParseAll(["127.0.0.1"])));
            Assert.StartsWith($"unable to listen on any of the requested ports: [{{{port} 80}}]", e.Message);

            var two = new PortForwardSession(Target(new ResolvedPort(port, 80), new ResolvedPort(0, 81)), "ctx", new HangingConnect().ConnectAsync);
            var notices = two.Start(ListenAddress.ParseAll(["127.0.0.1"]));
            Assert.StartsWith($"Unable to listen on port {port}: Listeners failed to create", Assert.Single(notices));
            Assert.Equal(81, Assert.Single(two.Endpoints).RemotePort);
            two.Stop();
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task Caps_concurrent_connections_and_stop_cuts_them()
    {
        var connect = new HangingConnect();
        var session = new PortForwardSession(Target(new ResolvedPort(0, 80)), "ctx", connect.ConnectAsync, options: new PortForwardOptions { MaxConnections = 2 });
        session.Start(ListenAddress.ParseAll(["127.0.0.1"]));
        int port = session.LocalPorts[0];
        var clients = new List<TcpClient>();
        try
        {
            for (int i = 0; i < 4; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port); // completes from the backlog even when not accepted yet
                clients.Add(client);
            }
            Assert.True(await connect.Called.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(await connect.Called.WaitAsync(TimeSpan.FromSeconds(10)));
            await Task.Delay(300);
            Assert.Equal(2, Volatile.Read(ref connect.Calls));
            Assert.Equal(2, session.ActiveConnections);

            session.Stop();
            foreach (var client in clients.Take(2))
            {
                var stream = client.GetStream();
                stream.ReadTimeout = 10_000;
                Assert.Equal(0, await stream.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(10))); // closed by the stop
            }
            await WaitUntil(() => session.ActiveConnections == 0);
            Assert.Equal(2, Volatile.Read(ref connect.Calls));
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
            session.Stop();
        }
    }

    [Fact]
    public async Task A_lost_pod_ends_the_forward_and_the_registry_reports_it_once()
    {
        var podGone = new TaskCompletionSource<string>();
        var session = new PortForwardSession(Target(new ResolvedPort(0, 80)), "ctx", new HangingConnect().ConnectAsync,
            watchPod: cancel => podGone.Task.WaitAsync(cancel));
        session.Start(ListenAddress.ParseAll(["127.0.0.1"]));
        int port = session.LocalPorts[0];
        var registry = new PortForwardRegistry();
        registry.Add(session);
        Assert.Equal(1, session.Id);
        Assert.Empty(registry.TakeUnreportedEnds());

        podGone.SetResult("lost connection to pod");
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(PortForwardState.Ended, session.State);
        Assert.Equal("lost connection to pod", session.Error);
        Assert.True(CanBind(IPAddress.Loopback, port));

        var ended = Assert.Single(registry.TakeUnreportedEnds());
        Assert.Equal($"Port-forward 1 (pod/web-1 in namespace ns, 127.0.0.1:{port}) ended: lost connection to pod", PortForwardRegistry.EndWarning(ended));
        Assert.Empty(registry.TakeUnreportedEnds());
        Assert.Same(session, registry.Get(1)); // listed until stopped
        Assert.True(registry.Stop(1));
        Assert.Empty(registry.All);
    }

    [Fact]
    public void Stopped_forwards_are_not_reported_and_ids_keep_counting()
    {
        var registry = new PortForwardRegistry();
        var a = registry.Add(new PortForwardSession(Target(new ResolvedPort(0, 80)), "ctx", new HangingConnect().ConnectAsync));
        a.Start(ListenAddress.ParseAll(["127.0.0.1"]));
        registry.StopAll();
        Assert.Equal(PortForwardState.Stopped, a.State);
        Assert.Empty(registry.TakeUnreportedEnds());
        var b = registry.Add(new PortForwardSession(Target(new ResolvedPort(0, 80)), "ctx", new HangingConnect().ConnectAsync));
        Assert.Equal(2, b.Id);
        Assert.False(registry.Stop(1));
    }

    [Fact]
    public async Task A_refused_connection_is_recorded_but_a_pod_not_found_ends_the_forward()
    {
        int calls = 0;
        Task<WebSocket> Refuse(string path, CancellationToken cancel) => Interlocked.Increment(ref calls) == 1
            ? throw new KubeException("upgrade refused: 503", "KubeServerError", System.Management.Automation.ErrorCategory.ResourceUnavailable)
            : throw new KubeApiException(HttpStatusCode.NotFound, "NotFound", "pods \"web-1\" not found", "GET", path);
        var session = new PortForwardSession(Target(new ResolvedPort(0, 80)), "ctx", Refuse);
        session.Start(ListenAddress.ParseAll(["127.0.0.1"]));
        int port = session.LocalPorts[0];
        using (var first = new TcpClient())
        {
            await first.ConnectAsync(IPAddress.Loopback, port);
            await WaitUntil(() => session.LastConnectionError is not null);
        }
        Assert.Equal($"an error occurred forwarding {port} -> 80: upgrade refused: 503", session.LastConnectionError);
        Assert.Equal(PortForwardState.Running, session.State);
        using (var second = new TcpClient())
        {
            await second.ConnectAsync(IPAddress.Loopback, port);
            await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        }
        Assert.Equal(PortForwardState.Ended, session.State);
        Assert.Equal("lost connection to pod: pods \"web-1\" not found", session.Error);
        Assert.True(CanBind(IPAddress.Loopback, port));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in 10 s");
            await Task.Delay(20);
        }
    }
}
