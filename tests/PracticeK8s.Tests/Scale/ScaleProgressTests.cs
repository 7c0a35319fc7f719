using PracticeK8s.Engine.Scale;
using Xunit;

namespace PracticeK8s.Tests.Scale;

public class ScaleProgressTests
{
    [Fact]
    public void PendingPods_AreCreated_NotRunning() =>
        // Issue 20, line 9: two unschedulable pods read "(2 running, 2 updated)" before.
        Assert.Equal("0 of 2 ready (2 created, 2 updated)", new ScaleProgress(2, 2, 0, 2, true).ToString());

    [Theory]
    [InlineData(0, 0, 100)]
    [InlineData(4, 1, 25)]
    [InlineData(2, 3, 100)]
    public void PercentComplete_IsReadyAgainstTheTarget(long desired, long ready, int percent) =>
        Assert.Equal(percent, new ScaleProgress(desired, desired, ready, desired, true).PercentComplete);
}
