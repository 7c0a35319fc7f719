using PracticeK8s.Engine.Explain;
using Xunit;

namespace PracticeK8s.Tests.Explain;

public sealed class WordWrapTests
{
    [Fact]
    public void BreaksAtTheLastSpaceThatFits() =>
        Assert.Equal("aaa bbb\nccc", WordWrap.Wrap("aaa bbb ccc", 7));

    [Fact]
    public void AWordLongerThanTheLimit_StaysWholeOnItsLine() =>
        Assert.Equal("see\nhttps://example.com/long\nend", WordWrap.Wrap("see https://example.com/long end", 10));

    [Fact]
    public void KeepsTheTextsOwnLineBreaks() =>
        Assert.Equal("one\ntwo three\nfour", WordWrap.Wrap("one\ntwo three four", 9));

    [Fact]
    public void ALineOfExactlyTheLimit_IsNotBroken() =>
        Assert.Equal("abcd efgh", WordWrap.Wrap("abcd efgh", 9));
}
