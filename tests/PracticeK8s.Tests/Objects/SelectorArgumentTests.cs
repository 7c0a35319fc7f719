using System.Collections;
using System.Management.Automation;
using PracticeK8s.Engine.Objects;
using Xunit;

namespace PracticeK8s.Tests.Objects;

public class SelectorArgumentTests
{
    [Fact]
    public void AnUnquotedCommaList_ArrivesAsAnArray_AndIsJoinedWithCommas() =>
        Assert.Equal("app=nginx,pod-template-hash=cf4cd4db7",
            Selectors.FromArgument(new object[] { "app=nginx", new PSObject("pod-template-hash=cf4cd4db7") }));

    [Fact]
    public void AHashtable_IsEveryLabel_InKeyOrder() =>
        Assert.Equal("a=1,b=2", Selectors.FromArgument(new Hashtable { ["b"] = "2", ["a"] = "1" }));

    [Fact]
    public void EmptyElements_AreDropped_AndNothingLeftIsNoSelector()
    {
        Assert.Equal("x=1", Selectors.FromArgument(new[] { "", "x=1" }));
        Assert.Null(Selectors.FromArgument(Array.Empty<string>()));
    }
}
