using PracticeK8s.Engine.Objects;
using k8s.Models;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;
using PracticeK8s.Engine.Logs;

namespace PracticeK8s.Tests.Logs;

/// <summary>The pieces of Get-KubeLog that need no server: the query, timestamps, the default container, the pod kubectl would pick.</summary>
public sealed class LogsUnitTests
{
    [Fact]
    public void Query_HasKubectlsParameters()
    {
        var q = new LogQuery { Follow = true, Previous = true, Timestamps = true, TailLines = 5, Since = TimeSpan.FromSeconds(90.2), LimitBytes = 100 };
        Assert.Equal("/api/v1/namespaces/ns/pods/web/log?container=c&follow=true&previous=true&sinceSeconds=91&timestamps=true&tailLines=5&limitBytes=100",
            q.PathFor("ns", "web", "c"));
        var since = new LogQuery { SinceTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)) };
        Assert.Equal("/api/v1/namespaces/ns/pods/web/log?container=c&sinceTime=2026-01-02T01%3A04%3A05Z", since.PathFor("ns", "web", "c"));
        Assert.Equal("/api/v1/namespaces/ns/pods/web/log?container=c", new LogQuery { TailLines = -1 }.PathFor("ns", "web", "c"));
    }

    [Fact]
    public void Timestamps_WithNanoseconds_AreSplitOff()
    {
        var (time, text) = LogTimestamps.Split("2026-01-01T10:00:00.123456789Z hello world");
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), time);
        Assert.Equal("hello world", text);
        Assert.Equal((null, "no stamp here"), LogTimestamps.Split("no stamp here"));
    }

    private static V1Pod Pod(string[] containers, string[]? init = null, string? annotated = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "p", NamespaceProperty = "ns",
            Annotations = annotated is null ? null : new Dictionary<string, string> { [ContainerChoice.DefaultContainerAnnotation] = annotated },
        },
        Spec = new V1PodSpec
        {
            Containers = containers.Select(c => new V1Container { Name = c }).ToList(),
            InitContainers = init?.Select(c => new V1Container { Name = c }).ToList(),
        },
    };

    [Fact]
    public void DefaultContainer_IsTheFirst_WithKubectlsNoticeWhenThereWasAChoice()
    {
        Assert.Equal(("app", (string?)null), ContainerChoice.Pick(Pod(["app"]), null));
        Assert.Equal(("app", "Defaulted container \"app\" out of: app, sidecar, init-db (init)"),
            ContainerChoice.Pick(Pod(["app", "sidecar"], ["init-db"]), null));
        Assert.Equal(("sidecar", (string?)null), ContainerChoice.Pick(Pod(["app", "sidecar"], annotated: "sidecar"), null));
        Assert.Equal("app", ContainerChoice.Pick(Pod(["app", "sidecar"], annotated: "missing"), null).Name);
        Assert.Equal("container nope is not valid for pod p", Assert.Throws<KubeException>(() => ContainerChoice.Pick(Pod(["app"]), "nope")).Message);
    }

    [Fact]
    public void AllContainers_AreInitThenRegular()
    {
        var plan = LogTargets.ForPod(Pod(["app", "sidecar"], ["init-db"]), null, allContainers: true);
        Assert.Equal(new[] { "init-db", "app", "sidecar" }, plan.Sources.Select(s => s.Container));
    }

    private static V1Pod Ranked(string name, string? node = "n1", string phase = "Running", DateTime? readySince = null, int restarts = 0, int createdMinutesAgo = 10) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, CreationTimestamp = DateTime.UtcNow.AddMinutes(-createdMinutesAgo) },
        Spec = new V1PodSpec { NodeName = node },
        Status = new V1PodStatus
        {
            Phase = phase,
            Conditions = readySince is null ? null : [new V1PodCondition { Type = "Ready", Status = "True", LastTransitionTime = readySince }],
            ContainerStatuses = [new V1ContainerStatus { Name = "c", RestartCount = restarts }],
        },
    };

    [Fact]
    public void Ranking_PrefersScheduledRunningReadyLongerRestartedOlder()
    {
        var now = DateTime.UtcNow;
        var pods = new List<V1Pod>
        {
            Ranked("unscheduled", node: null),
            Ranked("pending", phase: "Pending"),
            Ranked("running-not-ready"),
            Ranked("ready-recent", readySince: now.AddMinutes(-1)),
            Ranked("ready-long", readySince: now.AddMinutes(-9)),
        };
        pods.Sort(PodOrder.ForLogging);
        Assert.Equal(new[] { "ready-long", "ready-recent", "running-not-ready", "pending", "unscheduled" }, pods.Select(p => p.Metadata.Name));

        var ties = new List<V1Pod> { Ranked("new", createdMinutesAgo: 1), Ranked("old", createdMinutesAgo: 5), Ranked("restarted", restarts: 2, createdMinutesAgo: 1) };
        ties.Sort(PodOrder.ForLogging);
        Assert.Equal(new[] { "restarted", "old", "new" }, ties.Select(p => p.Metadata.Name));
    }
}
