using PracticeK8s.Sandbox.Api.Streaming.Spdy;

namespace PracticeK8s.Sandbox.Tests.PortForward;

/// <summary>SPDY header blocks: one compression context per direction across blocks, and the decoder's budgets.</summary>
public sealed class SpdyHeaderBlockTests
{
    [Fact]
    public void EncodedBlocks_DecodeInOrder_OverOneSharedContext()
    {
        var encoder = new SpdyHeaderEncoder();
        var decoder = new SpdyHeaderDecoder(SpdyLimits.Default);
        for (var i = 0; i < 3; i++)
        {
            var block = encoder.Encode(new Dictionary<string, string> { ["streamtype"] = "data", ["port"] = "8080", ["requestid"] = i.ToString() });
            if (i > 0) Assert.NotEqual(0x78, block[0]); // the zlib header only once
            var headers = decoder.Decode(block, 0, block.Length);
            Assert.Equal("data", headers["streamtype"]);
            Assert.Equal(i.ToString(), headers["requestid"]);
        }
    }

    [Fact]
    public void Decoder_RefusesTooManyHeaders_AndLengthsPastTheBlock()
    {
        var many = new SpdyHeaderEncoder().Encode(Enumerable.Range(0, 100).ToDictionary(i => $"h{i}", i => "v"));
        Assert.Throws<SpdyProtocolException>(() => new SpdyHeaderDecoder(SpdyLimits.Default).Decode(many, 0, many.Length));
        var lying = new SpdyHeaderEncoder().Encode(new Dictionary<string, string> { ["a"] = "b" });
        lying[^10] = 0x7F; // the value's length now points far past the block
        Assert.Throws<SpdyProtocolException>(() => new SpdyHeaderDecoder(SpdyLimits.Default).Decode(lying, 0, lying.Length));
    }

    [Fact]
    public void Dictionary_IsTheSpdy3One()
    {
        Assert.Equal(1423, SpdyDictionary.Bytes.Length);
    }
}
