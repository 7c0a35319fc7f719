using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class PodPrinterTests
{
    private static V1Pod WithInit(V1Container[] initContainers, V1ContainerStatus[] initStatuses, params V1ContainerStatus[] statuses)
    {
        var pod = Pod("p", MinutesAgo(5), statuses);
        pod.Spec.InitContainers = initContainers.ToList();
        pod.Status.Phase = "Pending";
        pod.Status.InitContainerStatuses = initStatuses.ToList();
        return pod;
    }

    private static V1Container Init(string name, bool sidecar = false) =>
        new() { Name = name, Image = "busybox", RestartPolicy = sidecar ? "Always" : null };

    private static V1ContainerStatus Done(string name) => Terminated(name, 0, "Completed");

    [Fact]
    public void Columns_AreKubectlsInOrder()
    {
        var printer = KubePrinters.ForKind("", "Pod")!;
        Assert.Equal(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
            printer.Columns.Select(c => c.Header));
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "NominatedNode", "ReadinessGates"],
            printer.Columns.Select(c => c.Property));
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1], printer.Columns.Select(c => c.Priority));
        Assert.Equal("Nominated Node", printer.Columns[7].ServerName);
        Assert.Equal("name", printer.Columns[0].Format);
    }

    [Fact]
    public void RunningPod_FullRow()
    {
        var pod = Pod("nginx", SecondsAgo(5), Running("nginx"));
        pod.Spec.NodeName = "node-1";
        pod.Status.PodIPs = [new V1PodIP { Ip = "10.2.0.8" }, new V1PodIP { Ip = "fd00::8" }];
        Assert.Equal(["nginx", "1/1", "Running", "0", "5s", "10.2.0.8", "node-1", "<none>", "<none>"],
            KubePrinters.For(pod).Cells(pod, Now));
    }

    [Fact]
    public void PendingPodWithoutStatuses_ShowsPhase_AndNonePlaceholders()
    {
        var pod = new V1Pod
        {
            Metadata = Meta("p", SecondsAgo(1)),
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "a" }, new V1Container { Name = "b" }] },
            Status = new V1PodStatus { Phase = "Pending" },
        };
        Assert.Equal(["p", "0/2", "Pending", "0", "1s", "<none>", "<none>", "<none>", "<none>"], KubePrinters.For(pod).Cells(pod, Now));
    }

    [Theory]
    [InlineData("Evicted")]
    [InlineData("NodeLost")]
    [InlineData("Shutdown")]
    public void StatusReason_ReplacesPhase(string reason)
    {
        var pod = Pod("p", null);
        pod.Status.Phase = "Failed";
        pod.Status.Reason = reason;
        Assert.Equal(reason, PodSummary.Of(pod).Status);
    }

    [Fact]
    public void SchedulingGatedCondition_WinsOverPhase()
    {
        var pod = Pod("p", null);
        pod.Status.Phase = "Pending";
        pod.Status.Conditions = [Condition("PodScheduled", "False", "SchedulingGated")];
        Assert.Equal("SchedulingGated", PodSummary.Of(pod).Status);
    }

    [Fact]
    public void Init_TerminatedWithReason()
    {
        var pod = WithInit([Init("a"), Init("b")], [Done("a"), Terminated("b", 1, "Error")], Waiting("app", "PodInitializing"));
        Assert.Equal("Init:Error", PodSummary.Of(pod).Status);
    }

    [Fact]
    public void Init_TerminatedWithSignalOrExitCode()
    {
        var signal = WithInit([Init("a")], [Terminated("a", 137, signal: 9)], Waiting("app", "PodInitializing"));
        Assert.Equal("Init:Signal:9", PodSummary.Of(signal).Status);
        var exit = WithInit([Init("a")], [Terminated("a", 2)], Waiting("app", "PodInitializing"));
        Assert.Equal("Init:ExitCode:2", PodSummary.Of(exit).Status);
    }

    [Theory]
    [InlineData("CrashLoopBackOff", "Init:CrashLoopBackOff")]
    [InlineData("ImagePullBackOff", "Init:ImagePullBackOff")]
    [InlineData("ErrImagePull", "Init:ErrImagePull")]
    [InlineData("PodInitializing", "Init:0/2")]
    public void Init_Waiting(string waitingReason, string expected)
    {
        var pod = WithInit([Init("a"), Init("b")], [Waiting("a", waitingReason), Waiting("b", "PodInitializing")],
            Waiting("app", "PodInitializing"));
        Assert.Equal(expected, PodSummary.Of(pod).Status);
    }

    [Fact]
    public void Init_RunningSecondOfThree_ShowsIndexOverAll()
    {
        var running = Running("b", ready: false);
        var pod = WithInit([Init("a"), Init("b"), Init("c")], [Done("a"), running, Waiting("c", "PodInitializing")],
            Waiting("app", "PodInitializing"));
        var summary = PodSummary.Of(pod);
        Assert.Equal("Init:1/3", summary.Status);
        Assert.Equal("0/1", summary.Ready);
    }

    [Fact]
    public void Init_RestartsCountUpToWhereTheWalkStopped()
    {
        var failing = Waiting("b", "CrashLoopBackOff", restarts: 4);
        failing.LastState = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, FinishedAt = MinutesAgo(2) } };
        var never = Waiting("c", "PodInitializing", restarts: 7); // after the stop: not counted
        var pod = WithInit([Init("a"), Init("b"), Init("c")], [Done("a"), failing, never], Waiting("app", "PodInitializing"));
        var summary = PodSummary.Of(pod);
        Assert.Equal("Init:CrashLoopBackOff", summary.Status);
        Assert.Equal(4, summary.Restarts);
        Assert.Equal("4 (2m ago)", summary.RestartsText(Now));
    }

    [Fact]
    public void Sidecar_CountsInTotalAndReady_AndItsRestartsStayAfterInit()
    {
        var sidecar = Running("proxy", ready: true, restarts: 2, lastFinished: MinutesAgo(30));
        sidecar.Started = true;
        var pod = WithInit([Init("setup"), Init("proxy", sidecar: true)], [Done("setup"), sidecar],
            Running("app", restarts: 1, lastFinished: MinutesAgo(10)));
        pod.Status.Phase = "Running";
        var summary = PodSummary.Of(pod);
        Assert.Equal("2/2", summary.Ready);
        Assert.Equal("Running", summary.Status);
        Assert.Equal(3, summary.Restarts);
        Assert.Equal(MinutesAgo(10), summary.LastRestart);
        Assert.Equal("3 (10m ago)", summary.RestartsText(Now));
    }

    [Fact]
    public void Sidecar_WhileInitializing_ReadyCountsOnlyReadySidecars()
    {
        var sidecar = Running("proxy", ready: true);
        sidecar.Started = true;
        var pod = WithInit([Init("proxy", sidecar: true), Init("migrate")], [sidecar, Running("migrate", ready: false)],
            Waiting("app", "PodInitializing"));
        var summary = PodSummary.Of(pod);
        Assert.Equal("Init:1/2", summary.Status);
        Assert.Equal("1/2", summary.Ready);
    }

    [Fact]
    public void InitializingButInitializedConditionTrue_RegularContainersStillCount()
    {
        var pod = WithInit([Init("a")], [Waiting("a", "PodInitializing")], Running("app"), Waiting("sidecar", "CrashLoopBackOff"));
        Assert.Equal("Init:0/1", PodSummary.Of(pod).Status);
        Assert.Equal("0/2", PodSummary.Of(pod).Ready);

        pod.Status.Conditions = [Condition("Initialized", "True")];
        Assert.Equal("CrashLoopBackOff", PodSummary.Of(pod).Status);
        Assert.Equal("1/2", PodSummary.Of(pod).Ready);
    }

    [Theory]
    [InlineData("ContainerCreating")]
    [InlineData("CrashLoopBackOff")]
    [InlineData("ImagePullBackOff")]
    [InlineData("ErrImagePull")]
    [InlineData("CreateContainerConfigError")]
    public void Container_WaitingReason(string reason)
    {
        var pod = Pod("p", null, Waiting("app", reason));
        Assert.Equal(reason, PodSummary.Of(pod).Status);
        Assert.Equal("0/1", PodSummary.Of(pod).Ready);
    }

    [Theory]
    [InlineData(0, "Completed", null, "Completed")]
    [InlineData(1, "Error", null, "Error")]
    [InlineData(137, "OOMKilled", null, "OOMKilled")]
    [InlineData(137, null, 9, "Signal:9")]
    [InlineData(3, null, null, "ExitCode:3")]
    public void Container_Terminated(int exitCode, string? reason, int? signal, string expected)
    {
        var pod = Pod("p", null, Terminated("app", exitCode, reason, signal));
        Assert.Equal(expected, PodSummary.Of(pod).Status);
    }

    [Fact]
    public void FirstContainerInSpecOrderDecides()
    {
        var pod = Pod("p", null, Waiting("first", "CrashLoopBackOff"), Terminated("second", 1, "Error"), Running("third"));
        var summary = PodSummary.Of(pod);
        Assert.Equal("CrashLoopBackOff", summary.Status);
        Assert.Equal("1/3", summary.Ready);
    }

    [Fact]
    public void RunningButNotReady_KeepsPhase()
    {
        var pod = Pod("p", null, Running("app", ready: false));
        Assert.Equal("Running", PodSummary.Of(pod).Status);
        Assert.Equal("0/1", PodSummary.Of(pod).Ready);
    }

    [Theory]
    [InlineData("True", "Running")]
    [InlineData("False", "NotReady")]
    public void CompletedWithARunningContainer_DependsOnReadyCondition(string readyCondition, string expected)
    {
        var pod = Pod("p", null, Terminated("job", 0, "Completed"), Running("sidecar"));
        pod.Status.Conditions = [Condition("Ready", readyCondition)];
        Assert.Equal(expected, PodSummary.Of(pod).Status);
    }

    [Fact]
    public void Deleting_RunningPodIsTerminating_NodeLostIsUnknown_FinishedPodKeepsItsStatus()
    {
        var terminating = Pod("p", null, Running("app"));
        terminating.Metadata.DeletionTimestamp = Now;
        Assert.Equal("Terminating", PodSummary.Of(terminating).Status);

        var lost = Pod("p", null, Running("app"));
        lost.Metadata.DeletionTimestamp = Now;
        lost.Status.Reason = "NodeLost";
        Assert.Equal("Unknown", PodSummary.Of(lost).Status);

        var finished = Pod("p", null, Terminated("app", 0, "Completed"));
        finished.Status.Phase = "Succeeded";
        finished.Metadata.DeletionTimestamp = Now;
        Assert.Equal("Completed", PodSummary.Of(finished).Status);
    }

    [Fact]
    public void Restarts_SumAcrossContainers_WithNewestLastTermination()
    {
        var pod = Pod("p", HoursAgo(2),
            Running("a", restarts: 1, lastFinished: MinutesAgo(106)),
            Running("b", restarts: 2, lastFinished: MinutesAgo(3)));
        var summary = PodSummary.Of(pod);
        Assert.Equal(3, summary.Restarts);
        Assert.Equal(MinutesAgo(3), summary.LastRestart);
        Assert.Equal("3 (3m ago)", Cell(pod, "Restarts"));
    }

    [Fact]
    public void Restarts_WithoutKnownLastTime_IsJustTheNumber()
    {
        var pod = Pod("p", null, Running("a", restarts: 5));
        Assert.Equal("5", Cell(pod, "Restarts"));
        Assert.Null(PodSummary.Of(pod).LastRestart);
    }

    [Fact]
    public void ReadinessGates_CountTrueConditions()
    {
        var pod = Pod("p", null, Running("a"));
        pod.Spec.ReadinessGates = [new V1PodReadinessGate { ConditionType = "lb/ready" }, new V1PodReadinessGate { ConditionType = "x/ok" }];
        pod.Status.Conditions = [Condition("lb/ready", "True"), Condition("x/ok", "False")];
        Assert.Equal("1/2", Cell(pod, "ReadinessGates"));
        pod.Status.NominatedNodeName = "node-2";
        Assert.Equal("node-2", Cell(pod, "NominatedNode"));
    }
}
