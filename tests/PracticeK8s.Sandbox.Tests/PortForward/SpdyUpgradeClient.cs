using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.PortForward;

/// <summary>A raw TLS connection that performs kubectl's SPDY/3.1 upgrade of pods/portforward, then hands over the bytes.</summary>
public sealed class SpdyUpgradeClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    public SslStream Stream { get; }
    public string ResponseHead { get; private set; } = "";

    private SpdyUpgradeClient(TcpClient tcp, SslStream stream)
    {
        _tcp = tcp;
        Stream = stream;
    }

    public static async Task<SpdyUpgradeClient> Connect(SandboxProcess server, string ns, string pod)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", server.Port);
        // The sandbox's own CA is not what this test is about: it talks to the server it started.
        var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            ApplicationProtocols = new List<SslApplicationProtocol> { SslApplicationProtocol.Http11 },
        });
        var client = new SpdyUpgradeClient(tcp, tls);
        var request = $"POST /api/v1/namespaces/{ns}/pods/{pod}/portforward HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\n"
                      + $"Authorization: Bearer {server.AdminToken}\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
                      + "X-Stream-Protocol-Version: portforward.k8s.io\r\nContent-Length: 0\r\n\r\n";
        await tls.WriteAsync(Encoding.ASCII.GetBytes(request));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await tls.ReadAsync(one) == 0) break;
            head.Append((char)one[0]);
        }
        client.ResponseHead = head.ToString();
        return client;
    }

    /// <summary>Everything the server sends until it closes (or <paramref name="timeout"/> passes: then null).</summary>
    public async Task<byte[]?> ReadToClose(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var all = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = await Stream.ReadAsync(buffer, cts.Token);
                if (n == 0) return all.ToArray();
                all.Write(buffer, 0, n);
            }
        }
        catch (OperationCanceledException) { return null; }
        catch (IOException) { return all.ToArray(); }
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        _tcp.Dispose();
    }
}
