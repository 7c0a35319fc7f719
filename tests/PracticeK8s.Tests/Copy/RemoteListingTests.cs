using PracticeK8s.Engine.Copy;

namespace PracticeK8s.Tests.Copy;

public sealed class RemoteListingTests
{
    [Theory]
    [InlineData("", "", "")]
    [InlineData("he", "", "he")]
    [InlineData("/", "/", "")]
    [InlineData("/et", "/", "et")]
    [InlineData("/etc/ho", "/etc/", "ho")]
    [InlineData("data/", "data/", "")]
    public void Split_TakesTheDirectoryUpToTheLastSlash(string typed, string directory, string prefix) =>
        Assert.Equal((directory, prefix), RemoteListing.Split(typed));

    [Fact]
    public void Command_PassesTheDirectoryAsOneArgument() =>
        Assert.Equal(["ls", "-1Ap", "--", "/tmp/a b;rm -rf x"], RemoteListing.Command("/tmp/a b;rm -rf x"));

    [Fact]
    public void Command_ListsTheWorkingDirectoryWhenNoneIsTyped() =>
        Assert.Equal(["ls", "-1Ap", "--", "."], RemoteListing.Command(""));

    [Fact]
    public void Entries_AreTheLinesWithoutDotEntries() =>
        Assert.Equal(["bin/", "hello.txt", "with space"], RemoteListing.Entries("./\n../\nbin/\r\nhello.txt\nwith space\n"));
}
