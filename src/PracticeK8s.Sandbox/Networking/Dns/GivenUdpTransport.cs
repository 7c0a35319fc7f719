using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>
/// The library's server transport over a UDP socket someone else bound (the library's own transports
/// bind by address themselves; the cluster DNS socket is made inside the cluster's network namespace).
/// Budgets: queries up to 512 bytes (larger datagrams are dropped), at most <see cref="MaxInFlight"/>
/// being answered at once (further datagrams wait in the socket's buffer, where the kernel drops the excess),
/// one receive buffer per admitted query; what <see cref="DnsQueryGate"/> refuses reuses the buffer.
/// </summary>
public sealed class GivenUdpTransport(Socket socket) : IServerTransport
{
    public const int MaxQueryBytes = 512;
    public const int MaxInFlight = 256;
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight, MaxInFlight);
    private readonly IPEndPoint _local = (IPEndPoint)socket.LocalEndPoint!;
    private long _dropped;

    /// <summary>Datagrams dropped unanswered (oversized or refused by the gate).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ushort DefaultAllowedResponseSize => 512;
    public bool SupportsMultipleResponses => false;
    public bool AllowTruncatedResponses => true;
    public TransportProtocol TransportProtocol => TransportProtocol.Udp;

    public void Bind() { }

    public void Close() => socket.Dispose();

    public void Dispose() => Close();

    public async Task<IServerConnection?> AcceptConnectionAsync(CancellationToken token = default)
    {
        try
        {
            await _inFlight.WaitAsync(token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        // One byte more than allowed tells an oversized datagram from one that fits exactly.
        var buffer = new byte[2 + MaxQueryBytes + 1];
        var anyone = new IPEndPoint(_local.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (true)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(buffer.AsMemory(2), SocketFlags.None, anyone, token);
                var message = new ArraySegment<byte>(buffer, 2, received.ReceivedBytes);
                if (received.ReceivedBytes > MaxQueryBytes || !DnsQueryGate.Admits(message))
                {
                    Interlocked.Increment(ref _dropped);
                    continue;
                }
                BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)received.ReceivedBytes);
                var package = new DnsReceivedRawPackage(buffer[..(2 + received.ReceivedBytes)], (IPEndPoint)received.RemoteEndPoint, _local);
                return new Connection(this, package);
            }
            catch (SocketException)
            {
                // An ICMP error from an earlier reply surfaces on the next receive: keep serving.
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                _inFlight.Release();
                if (e is ObjectDisposedException)
                {
                    // The socket is gone: wait for the server to stop instead of spinning on it.
                    try { await Task.Delay(System.Threading.Timeout.Infinite, token); } catch (OperationCanceledException) { }
                }
                return null;
            }
        }
    }

    /// <summary>One datagram and its reply; the in-flight slot is freed by the reply or by disposal, whichever is first.</summary>
    private sealed class Connection(GivenUdpTransport transport, DnsReceivedRawPackage query) : IServerConnection
    {
        private int _done;
        private bool _read;

        public IServerTransport Transport => transport;
        public IPEndPoint RemoteEndPoint => query.RemoteEndpoint;
        public IPEndPoint LocalEndPoint => query.LocalEndpoint;
        public bool CanRead => !_read;

        public Task<bool> InitializeAsync(CancellationToken token) => Task.FromResult(true);

        public Task<DnsReceivedRawPackage?> ReceiveAsync(CancellationToken token)
        {
            _read = true;
            return Task.FromResult<DnsReceivedRawPackage?>(query);
        }

        public async Task<bool> SendAsync(DnsRawPackage package, CancellationToken token)
        {
            try
            {
                var data = package.ToArraySegment(false).Slice(0, package.Length);
                return await transport.SendToAsync(data, query.RemoteEndpoint, token) == package.Length;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return false;
            }
            finally
            {
                Dispose();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) transport._inFlight.Release();
        }
    }

    private async Task<int> SendToAsync(ArraySegment<byte> data, IPEndPoint to, CancellationToken token) =>
        await socket.SendToAsync(data, SocketFlags.None, to, token);
}
