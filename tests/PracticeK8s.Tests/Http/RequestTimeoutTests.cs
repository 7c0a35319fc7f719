using PracticeK8s.Engine.Http;

namespace PracticeK8s.Tests.Http;

public sealed class RequestTimeoutTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("30", 30_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("00:00:05", 5_000)]
    public void Parse_ReadsKubectlDurations(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RequestTimeout.Parse(text));

    [Theory]
    [InlineData("-1s")]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("5x")]
    [InlineData("")]
    public void Parse_RefusesWhatKubectlRefuses(string text) =>
        Assert.Throws<FormatException>(() => RequestTimeout.Parse(text));

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(30_000, "30s")]
    [InlineData(90_000, "1m30s")]
    public void Format_IsKubectls(int milliseconds, string text) =>
        Assert.Equal(text, RequestTimeout.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public async Task ForCall_OverridesTheDefault_OnlyInItsOwnFlow_ZeroMeansNone()
    {
        Assert.Equal(RequestTimeout.Default, RequestTimeout.Current);
        await Task.Run(() =>
        {
            RequestTimeout.ForCall = TimeSpan.Zero;
            Assert.Null(RequestTimeout.Current);
            RequestTimeout.ForCall = TimeSpan.FromSeconds(2);
            Assert.Equal(TimeSpan.FromSeconds(2), RequestTimeout.Current);
        });
        Assert.Equal(RequestTimeout.Default, RequestTimeout.Current);
    }
}
