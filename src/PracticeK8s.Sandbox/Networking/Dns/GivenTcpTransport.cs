using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;

namespace PracticeK8s.Sandbox.Networking.Dns;

/// <summary>
/// The library's server transport over a TCP socket someone else made listen. Budgets: at most
/// <see cref="MaxConnections"/> open connections (more are closed as they are accepted), each idle for at
/// most <see cref="IdleTimeout"/>, a message's body read within <see cref="ReadTimeout"/> of its length;
/// messages are length-prefixed so at most 64 KiB, allocated only once the length is read; at most
/// <see cref="MaxPipelined"/> queries of one connection answered at once (so at most 64 × 4 × 64 KiB = 16 MiB
/// of messages held however the connections behave). A message the <see cref="DnsQueryGate"/> refuses ends
/// the connection.
/// </summary>
/// <remarks>
/// The connection closes itself (after its last reply) rather than when the library's server disposes
/// it: the server counts receives and replies per connection and can dispose a live one between two
/// queries, and never disposes one whose client went away.
/// </remarks>
public sealed class GivenTcpTransport(Socket listener) : IServerTransport
{
    public const int MaxConnections = 64;
    public const int MaxPipelined = 4;
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(5);
    private int _open;
    private long _refused;

    /// <summary>Connections closed at once because <see cref="MaxConnections"/> were open.</summary>
    public long Refused => Interlocked.Read(ref _refused);
    public int Open => Volatile.Read(ref _open);

    public ushort DefaultAllowedResponseSize => ushort.MaxValue;
    public bool SupportsMultipleResponses => false;
    public bool AllowTruncatedResponses => false;
    public TransportProtocol TransportProtocol => TransportProtocol.Tcp;

    public void Bind() { }

    public void Close() => listener.Dispose();

    public void Dispose() => Close();

    public async Task<IServerConnection?> AcceptConnectionAsync(CancellationToken token = default)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(token);
            }
            catch (SocketException)
            {
                // e.g. out of file descriptors: try again a little later rather than spin.
                try { await Task.Delay(50, token); } catch (OperationCanceledException) { return null; }
                continue;
            }
            catch (ObjectDisposedException)
            {
                try { await Task.Delay(System.Threading.Timeout.Infinite, token); } catch (OperationCanceledException) { }
                return null;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            if (Interlocked.Increment(ref _open) > MaxConnections)
            {
                Interlocked.Decrement(ref _open);
                Interlocked.Increment(ref _refused);
                client.Dispose();
                continue;
            }
            client.NoDelay = true;
            return new Connection(this, client);
        }
    }

    private sealed class Connection(GivenTcpTransport transport, Socket socket) : IServerConnection
    {
        private readonly SemaphoreSlim _pipeline = new(MaxPipelined, MaxPipelined);
        private readonly SemaphoreSlim _writing = new(1, 1);
        private readonly IPEndPoint _remote = (IPEndPoint)socket.RemoteEndPoint!;
        private readonly IPEndPoint _local = (IPEndPoint)socket.LocalEndPoint!;
        private volatile bool _ending;
        private int _closed;
        private int _closeScheduled;

        public IServerTransport Transport => transport;
        public IPEndPoint RemoteEndPoint => _remote;
        public IPEndPoint LocalEndPoint => _local;
        public bool CanRead => !_ending;

        public Task<bool> InitializeAsync(CancellationToken token) => Task.FromResult(true);

        public async Task<DnsReceivedRawPackage?> ReceiveAsync(CancellationToken token)
        {
            var holdsSlot = false;
            try
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
                idle.CancelAfter(IdleTimeout);
                await _pipeline.WaitAsync(idle.Token);
                holdsSlot = true;
                var header = new byte[2];
                if (!await ReadExactly(header, idle.Token)) return End(holdsSlot);
                var length = BinaryPrimitives.ReadUInt16BigEndian(header);
                if (length < DnsQueryGate.HeaderLength) return End(holdsSlot);
                var buffer = new byte[2 + length];
                using var body = CancellationTokenSource.CreateLinkedTokenSource(token);
                body.CancelAfter(ReadTimeout);
                if (!await ReadExactly(buffer.AsMemory(2), body.Token)) return End(holdsSlot);
                if (!DnsQueryGate.Admits(new ArraySegment<byte>(buffer, 2, length))) return End(holdsSlot);
                header.CopyTo(buffer, 0);
                return new DnsReceivedRawPackage(buffer, _remote, _local);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return End(holdsSlot);
            }
        }

        private async Task<bool> ReadExactly(Memory<byte> into, CancellationToken token)
        {
            var read = 0;
            while (read < into.Length)
            {
                var n = await socket.ReceiveAsync(into[read..], SocketFlags.None, token);
                if (n == 0) return false;
                read += n;
            }
            return true;
        }

        public async Task<bool> SendAsync(DnsRawPackage package, CancellationToken token)
        {
            try
            {
                using var write = CancellationTokenSource.CreateLinkedTokenSource(token);
                write.CancelAfter(WriteTimeout);
                await _writing.WaitAsync(write.Token);
                try
                {
                    var data = package.ToArraySegment(true).Slice(0, 2 + package.Length);
                    await socket.SendAsync(data, SocketFlags.None, write.Token);
                    return true;
                }
                finally
                {
                    _writing.Release();
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                Close();
                return false;
            }
            finally
            {
                _pipeline.Release();
                if (_ending) CloseWhenAnswered();
            }
        }

        private DnsReceivedRawPackage? End(bool holdsSlot)
        {
            _ending = true;
            if (holdsSlot) _pipeline.Release();
            CloseWhenAnswered();
            return null;
        }

        /// <summary>Closes now if no reply is pending, else after the pending ones (at most <see cref="WriteTimeout"/> later).</summary>
        private void CloseWhenAnswered()
        {
            if (_pipeline.CurrentCount == MaxPipelined) Close();
            else if (Interlocked.Exchange(ref _closeScheduled, 1) == 0)
                _ = Task.Delay(WriteTimeout).ContinueWith(_ => Close(), TaskScheduler.Default);
        }

        private void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0) return;
            _ending = true;
            socket.Dispose();
            Interlocked.Decrement(ref transport._open);
        }

        public void Dispose()
        {
            if (_ending) CloseWhenAnswered();
        }
    }
}
