using PracticeK8s.Engine.Objects;
using k8s.Models;
using PracticeK8s.Engine.PortForward;

namespace PracticeK8s.Tests.PortForward;

/// <summary>The pod kubectl port-forward picks for a Service or workload: the most active one.</summary>
public sealed class PodOrderTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static V1Pod Pod(string name, string? node = "n1", string phase = "Running", DateTime? readySince = null, int restarts = 0, int createdMinute = 0) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, CreationTimestamp = T0.AddMinutes(createdMinute) },
        Spec = new V1PodSpec { NodeName = node },
        Status = new V1PodStatus
        {
            Phase = phase,
            Conditions = readySince is null ? [] : [new V1PodCondition { Type = "Ready", Status = "True", LastTransitionTime = readySince }],
            ContainerStatuses = [new V1ContainerStatus { Name = "c", RestartCount = restarts }],
        },
    };

    private static string First(params V1Pod[] pods)
    {
        var list = pods.ToList();
        list.Sort(PodOrder.MostActiveFirst);
        return list[0].Metadata.Name;
    }

    [Fact]
    public void Prefers_scheduled_then_running_then_ready()
    {
        Assert.Equal("scheduled", First(Pod("unscheduled", node: null), Pod("scheduled", phase: "Pending")));
        Assert.Equal("running", First(Pod("pending", phase: "Pending"), Pod("unknown", phase: "Unknown"), Pod("running")));
        Assert.Equal("ready", First(Pod("not-ready"), Pod("ready", readySince: T0)));
    }

    [Fact]
    public void Then_ready_longest_fewest_restarts_oldest()
    {
        Assert.Equal("long", First(Pod("short", readySince: T0.AddMinutes(5)), Pod("long", readySince: T0)));
        Assert.Equal("steady", First(Pod("crashy", restarts: 4), Pod("steady", restarts: 1)));
        Assert.Equal("old", First(Pod("new", createdMinute: 3), Pod("old", createdMinute: 1)));
    }
}
