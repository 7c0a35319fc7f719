using k8s.Models;

namespace PracticeK8s.Tests.Printing;

/// <summary>Small builders for the model objects the printing tests feed in.</summary>
internal static class Build
{
    /// <summary>The fixed "now" every printing test measures ages against.</summary>
    public static readonly DateTime Now = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static DateTime Ago(TimeSpan elapsed) => Now - elapsed;
    public static DateTime SecondsAgo(double seconds) => Now - TimeSpan.FromSeconds(seconds);
    public static DateTime MinutesAgo(double minutes) => Now - TimeSpan.FromMinutes(minutes);
    public static DateTime HoursAgo(double hours) => Now - TimeSpan.FromHours(hours);

    public static V1ObjectMeta Meta(string name, DateTime? created = null, string? ns = null,
        IDictionary<string, string>? labels = null, IDictionary<string, string>? annotations = null) =>
        new() { Name = name, NamespaceProperty = ns, CreationTimestamp = created, Labels = labels, Annotations = annotations };

    public static V1ContainerStatus Running(string name, bool ready = true, int restarts = 0, DateTime? lastFinished = null) => new()
    {
        Name = name, Ready = ready, RestartCount = restarts,
        State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Now } },
        LastState = lastFinished is null ? new V1ContainerState()
            : new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, FinishedAt = lastFinished } },
    };

    public static V1ContainerStatus Waiting(string name, string reason, int restarts = 0) => new()
    {
        Name = name, RestartCount = restarts,
        State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason } },
    };

    public static V1ContainerStatus Terminated(string name, int exitCode, string? reason = null, int? signal = null) => new()
    {
        Name = name,
        State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = exitCode, Reason = reason, Signal = signal } },
    };

    /// <summary>A pod with one spec container per status (same names), phase Running unless given.</summary>
    public static V1Pod Pod(string name, DateTime? created, params V1ContainerStatus[] statuses) => new()
    {
        Metadata = Meta(name, created),
        Spec = new V1PodSpec { Containers = statuses.Select(s => new V1Container { Name = s.Name, Image = "img" }).ToList() },
        Status = new V1PodStatus { Phase = "Running", ContainerStatuses = statuses.ToList() },
    };

    public static V1PodCondition Condition(string type, string status, string? reason = null) =>
        new() { Type = type, Status = status, Reason = reason };

    public static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    /// <summary>The cell of the column whose Property is <paramref name="property"/>.</summary>
    public static string Cell(object resource, string property)
    {
        var printer = PracticeK8s.Printing.KubePrinters.For(resource);
        var index = printer.Columns.ToList().FindIndex(c => c.Property == property);
        Assert.True(index >= 0, $"{printer.Kind} has no column {property}");
        return printer.Cells(resource, Now)[index];
    }
}
