using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using PracticeK8s.Sandbox.Networking;

namespace PracticeK8s.Sandbox.Tests.Networking;

/// <summary>The plain TCP listeners the Service proxies use (real sockets on 127.0.0.1).</summary>
public sealed class TcpListenerSetTests
{
    private const int Limit = 8;

    [Fact]
    public async Task ConnectionsPastTheLimit_AreResetAtOnce_AndServedAgainOnceOthersEnd()
    {
        var release = new TaskCompletionSource();
        var served = 0;
        await using var set = TcpListenerSet.Bind(new[] { new IPEndPoint(IPAddress.Loopback, 0) }, async (client, ct) =>
        {
            Interlocked.Increment(ref served);
            await release.Task.WaitAsync(ct);
            await client.SendAsync(new byte[] { 1 }, SocketFlags.None);
        }, NullLogger.Instance, maxConnections: Limit)!;
        var endpoint = (IPEndPoint)set.Endpoints[0];
        var held = new List<Socket>();
        try
        {
            for (int i = 0; i < Limit; i++)
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await s.ConnectAsync(endpoint);
                held.Add(s);
            }
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Volatile.Read(ref served) < Limit && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Equal(Limit, Volatile.Read(ref served));

            using var extra = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var buffer = new byte[1];
            // The kernel accepts; the set resets it (seen by the connect or by the first read, by timing).
            var error = await Assert.ThrowsAsync<SocketException>(async () =>
            {
                await extra.ConnectAsync(endpoint);
                await extra.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));
            });
            Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);

            release.SetResult();
            foreach (var s in held) Assert.Equal(1, await s.ReceiveAsync(buffer, SocketFlags.None));
            foreach (var s in held) s.Dispose();
            held.Clear();
            deadline = DateTime.UtcNow.AddSeconds(10);
            using var again = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await again.ConnectAsync(endpoint);
            Assert.Equal(1, await again.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            foreach (var s in held) s.Dispose();
        }
    }
}
