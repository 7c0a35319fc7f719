using System.Text;
using PracticeK8s.Engine.PortForward;

namespace PracticeK8s.Tests.PortForward;

/// <summary>The server's side of one port-forward WebSocket: channel bytes and port headers stripped, errors kept.</summary>
public sealed class PortForwardDemuxTests
{
    private static string Text(ReadOnlyMemory<byte> data) => Encoding.UTF8.GetString(data.Span);

    [Fact]
    public void Strips_the_port_headers_and_hands_back_data()
    {
        var demux = new PortForwardDemux();
        Assert.Equal("", Text(demux.Accept(new byte[] { 0, 0x90, 0x1f }, true)));   // data channel opens with port 8080
        Assert.Equal("", Text(demux.Accept(new byte[] { 1, 0x90, 0x1f }, true)));   // error channel too
        Assert.Equal(8080, demux.DataPort);
        Assert.Equal("hello", Text(demux.Accept(new byte[] { 0, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, true)));
        Assert.Equal("", demux.ErrorText);
    }

    [Fact]
    public void Header_and_data_in_one_message_or_split_across_fragments()
    {
        var demux = new PortForwardDemux();
        Assert.Equal("", Text(demux.Accept(new byte[] { 0, 0x50 }, false)));
        Assert.Equal("ab", Text(demux.Accept(new byte[] { 0x00, (byte)'a', (byte)'b' }, false)));  // continuation: no channel byte
        Assert.Equal("c", Text(demux.Accept(new byte[] { (byte)'c' }, true)));
        Assert.Equal(80, demux.DataPort);
    }

    [Fact]
    public void Keeps_the_error_channel_text()
    {
        var demux = new PortForwardDemux();
        demux.Accept(new byte[] { 1, 0x51, 0x1f }, true);
        demux.Accept(Encoding.UTF8.GetBytes("\u0001error forwarding port 8017: connection refused"), true);
        Assert.Equal("error forwarding port 8017: connection refused", demux.ErrorText);
    }

    [Fact]
    public void Ignores_channels_of_other_ports_and_bounds_the_error_text()
    {
        var demux = new PortForwardDemux();
        demux.Accept(new byte[] { 1, 0, 0 }, true);
        Assert.Equal("", Text(demux.Accept(new byte[] { 2, 1, 2, 3 }, true)));
        var big = new byte[100_000];
        big[0] = 1;
        Array.Fill(big, (byte)'x', 1, big.Length - 1);
        demux.Accept(big, true);
        Assert.Equal(16 * 1024, demux.ErrorText.Length);
    }
}
