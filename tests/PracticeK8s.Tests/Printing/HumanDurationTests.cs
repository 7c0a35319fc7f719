using PracticeK8s.Printing;

namespace PracticeK8s.Tests.Printing;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(-5, "<invalid>")]
    [InlineData(-2, "<invalid>")]
    [InlineData(-1, "0s")]
    [InlineData(0, "0s")]
    [InlineData(3, "3s")]
    [InlineData(59, "59s")]
    [InlineData(90, "90s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(122, "2m2s")]
    [InlineData(599, "9m59s")]
    [InlineData(600, "10m")]
    [InlineData(108 * 60 + 59, "108m")]
    [InlineData(179 * 60 + 59, "179m")]
    [InlineData(180 * 60, "3h")]
    [InlineData(185 * 60, "3h5m")]
    [InlineData(8 * 3600 - 1, "7h59m")]
    [InlineData(8 * 3600, "8h")]
    [InlineData(20 * 3600, "20h")]
    [InlineData(48 * 3600 - 1, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(4 * 86400, "4d")]
    [InlineData(4 * 86400 + 5 * 3600, "4d5h")]
    [InlineData(8 * 86400 - 1, "7d23h")]
    [InlineData(8 * 86400, "8d")]
    [InlineData(400 * 86400, "400d")]
    [InlineData(730 * 86400 - 1, "729d")]
    [InlineData(730 * 86400, "2y")]
    [InlineData(800 * 86400, "2y70d")]
    [InlineData(8 * 365 * 86400 - 1, "7y364d")]
    [InlineData(8 * 365 * 86400, "8y")]
    [InlineData(12 * 365 * 86400 + 100 * 86400, "12y")]
    public void Format_FollowsKubectlBuckets(long seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Format_TruncatesFractionsTowardZero()
    {
        Assert.Equal("59s", HumanDuration.Format(TimeSpan.FromMilliseconds(59_999)));
        Assert.Equal("0s", HumanDuration.Format(TimeSpan.FromMilliseconds(-1_999))); // -1.999s is -1 whole second
        Assert.Equal("<invalid>", HumanDuration.Format(TimeSpan.FromMilliseconds(-2_000)));
    }

    [Theory]
    [InlineData(3, "3s")]
    [InlineData(122, "2m")]
    [InlineData(108 * 60, "1h")]
    [InlineData(20 * 3600, "20h")]
    [InlineData(4 * 86400 + 5 * 3600, "4d")]
    [InlineData(800 * 86400, "2y")]
    [InlineData(-3, "<invalid>")]
    public void FormatShort_KeepsOneUnit(long seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.FormatShort(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Since_MissingTimeIsUnknown_AndLocalTimesAreConverted()
    {
        Assert.Equal("<unknown>", HumanDuration.Since(null, Build.Now));
        Assert.Equal("<unknown>", HumanDuration.Since(default(DateTime), Build.Now));
        Assert.Equal("2m2s", HumanDuration.Since(Build.SecondsAgo(122).ToLocalTime(), Build.Now));
        Assert.Equal("5s", HumanDuration.Since(DateTime.SpecifyKind(Build.SecondsAgo(5), DateTimeKind.Unspecified), Build.Now));
    }
}
