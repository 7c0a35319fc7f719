using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Engine.Debug;
using PracticeK8s.Engine.Exec;

namespace PracticeK8s.Tests.Exec;

/// <summary>The plain logic behind Invoke-KubeExec, Connect-KubePod and Debug-KubePod.</summary>
public sealed class AttachAndDebugUnitTests
{
    [Fact]
    public void DetachSequence_CtrlPThenCtrlQ_Detaches_AndAnythingElsePassesThrough()
    {
        var keys = new DetachSequence();
        Assert.Equal(new byte[] { (byte)'a' }, keys.Push([(byte)'a']).Send);
        var held = keys.Push([0x10]);
        Assert.Empty(held.Send);
        Assert.False(held.Detached);
        var other = keys.Push([(byte)'x']);
        Assert.Equal(new byte[] { 0x10, (byte)'x' }, other.Send);
        keys.Push([0x10]);
        var detach = keys.Push([0x11]);
        Assert.True(detach.Detached);
        Assert.Empty(detach.Send);
        Assert.Equal(new byte[] { 0x11 }, keys.Push([0x11]).Send);
    }

    private static V1Pod Pod(bool tty, string restartPolicy = "Always") => new()
    {
        Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "ns" },
        Spec = new V1PodSpec { RestartPolicy = restartPolicy, Containers = [new V1Container { Name = "c", Image = "busybox", Tty = tty, Stdin = true }] },
    };

    [Fact]
    public void AttachPlan_FollowsKubectl_ForTerminals()
    {
        var noTty = AttachPlan.For(Pod(tty: false), "c", stdin: true, tty: true);
        Assert.False(noTty.Tty);
        Assert.Equal(["Unable to use a TTY - container c did not allocate one"], noTty.Warnings);
        var forced = AttachPlan.For(Pod(tty: true), "c", stdin: true, tty: false);
        Assert.True(forced.Tty);
        Assert.Empty(forced.Warnings);
        Assert.False(AttachPlan.For(Pod(tty: true), "c", stdin: false, tty: true).Tty);
        Assert.True(forced.RestartsAlways);
        Assert.False(AttachPlan.For(Pod(tty: true, "Never"), "c", stdin: true, tty: true).RestartsAlways);
    }

    [Fact]
    public void ExecOutputLines_HandsOnLinesInArrivalOrder_AndPartialLinesAtTheEnd()
    {
        var seen = new List<string>();
        var lines = new ExecOutputLines(l => seen.Add("out:" + l), l => seen.Add("err:" + l));
        lines.Stdout(Encoding.UTF8.GetBytes("one\ntw"));
        lines.Stderr(Encoding.UTF8.GetBytes("e1\n"));
        lines.Stdout(Encoding.UTF8.GetBytes("o\r\nthree"));
        lines.Stderr(Encoding.UTF8.GetBytes("tail"));
        lines.Flush();
        Assert.Equal(["out:one", "err:e1", "out:two", "out:three", "err:tail"], seen);
    }

    [Fact]
    public void DebugContainer_IsWrittenAsKubectlDebugWritesIt()
    {
        var json = new DebugContainer("debugger-abcde", "busybox", "c", ["sh"], Stdin: true, Tty: true).ToJson();
        Assert.Equal("""{"name":"debugger-abcde","image":"busybox","terminationMessagePolicy":"File","command":["sh"],"stdin":true,"tty":true,"targetContainerName":"c"}""",
            json.ToJsonString());
        Assert.Matches("^debugger-[bcdfghjklmnpqrstvwxz2456789]{5}$", PodDebugger.DefaultName());
    }

    [Fact]
    public void DebugContainerState_ReadsEphemeralContainerStatuses()
    {
        var pod = JsonNode.Parse("""
            {"status":{"ephemeralContainerStatuses":[
              {"name":"a","state":{"waiting":{"reason":"ContainerCreating"}}},
              {"name":"b","state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}}},
              {"name":"c","state":{"terminated":{"exitCode":3,"reason":"Error"}}}]}}
            """)!.AsObject();
        Assert.Null(PodDebugger.StateOf(pod, "a"));
        Assert.Equal(new DebugContainerState(true, null, null), PodDebugger.StateOf(pod, "b"));
        Assert.Equal(new DebugContainerState(false, 3, "Error"), PodDebugger.StateOf(pod, "c"));
        Assert.Null(PodDebugger.StateOf(pod, "missing"));
    }

    [Fact]
    public void CannotRun_NamesPodAndContainer()
    {
        var e = PodExec.Failure(new PracticeK8s.Engine.Errors.KubeException("boom", "KubeExecFailed", System.Management.Automation.ErrorCategory.InvalidResult),
            new ExecTarget("ns", "web", "c"));
        Assert.Equal("cannot run the command in pod web, container c: boom", e.Message);
        Assert.Equal("KubeExecFailed", e.ErrorId);
        Assert.Equal("web", e.Target);
    }
}
