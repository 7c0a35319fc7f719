using System.Text;

namespace PracticeK8s.Engine.PortForward;

/// <summary>
/// Reads the server's side of one port-forward WebSocket (one port: data channel 0, error channel 1):
/// strips each message's channel byte and each channel's opening port header, hands back data bytes,
/// and keeps what the error channel says (bounded: a message is enough to report, not a stream to store).
/// </summary>
internal sealed class PortForwardDemux
{
    private const int ErrorTextLimit = 16 * 1024;

    private readonly int[] _headerLeft = [PortForwardChannels.PortHeaderLength, PortForwardChannels.PortHeaderLength];
    private readonly byte[][] _header = [new byte[2], new byte[2]];
    private readonly MemoryStream _error = new();
    private int _channel = -1;

    /// <summary>The error channel's text so far (empty when the server reported nothing).</summary>
    public string ErrorText => Encoding.UTF8.GetString(_error.GetBuffer(), 0, (int)_error.Length).Trim();

    /// <summary>The port the server announced on the data channel (null until its header arrived).</summary>
    public int? DataPort => _headerLeft[0] == 0 ? _header[0][0] | (_header[0][1] << 8) : null;

    /// <summary>Takes one received fragment; returns the bytes meant for the local connection (possibly none).</summary>
    public ReadOnlyMemory<byte> Accept(ReadOnlyMemory<byte> fragment, bool endOfMessage)
    {
        var data = fragment;
        if (_channel < 0 && data.Length > 0)
        {
            _channel = data.Span[0];
            data = data[1..];
        }
        int channel = _channel;
        if (endOfMessage)
            _channel = -1;
        if (channel is < 0 or > 1)
            return ReadOnlyMemory<byte>.Empty; // a channel this single-port connection did not ask for
        int skip = Math.Min(_headerLeft[channel], data.Length);
        if (skip > 0)
        {
            data.Span[..skip].CopyTo(_header[channel].AsSpan(PortForwardChannels.PortHeaderLength - _headerLeft[channel]));
            _headerLeft[channel] -= skip;
            data = data[skip..];
        }
        if (channel == PortForwardChannels.Error)
        {
            int room = ErrorTextLimit - (int)_error.Length;
            if (room > 0)
                _error.Write(data.Span[..Math.Min(room, data.Length)]);
            return ReadOnlyMemory<byte>.Empty;
        }
        return data;
    }
}
