using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe job and describe cronjob. Related objects: <see cref="DescribeInput.Events"/>.</summary>
internal static class JobDescriber
{
    public static void WriteJob(DescribeBuilder w, V1Job job, DescribeInput input, DateTime now)
    {
        var zone = input.TimeZone;
        var meta = job.Metadata ?? new V1ObjectMeta();
        var spec = job.Spec ?? new V1JobSpec();
        var status = job.Status ?? new V1JobStatus();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        w.Field(0, "Selector", Common.Selector(spec.Selector));
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        if (Common.ControlledBy(meta) is { } controller) w.Field(0, "Controlled By", controller);
        if (spec.Parallelism is int parallelism) w.Field(0, "Parallelism", parallelism.ToString());
        w.Field(0, "Completions", spec.Completions?.ToString() ?? KubeFormat.Unset);
        if (spec.CompletionMode is { } mode) w.Field(0, "Completion Mode", mode);
        if (spec.Suspend is bool suspend) w.Field(0, "Suspend", Common.GoBool(suspend));
        if (spec.BackoffLimit is int backoff) w.Field(0, "Backoff Limit", backoff.ToString());
        if (spec.TtlSecondsAfterFinished is int ttl) w.Field(0, "TTL Seconds After Finished", ttl.ToString());
        if (status.StartTime is { } start) w.Field(0, "Start Time", DescribeTime.Format(start, zone));
        if (status.CompletionTime is { } completed) w.Field(0, "Completed At", DescribeTime.Format(completed, zone));
        if (status.StartTime is { } s && status.CompletionTime is { } c)
            w.Field(0, "Duration", HumanDuration.Format(HumanDuration.Utc(c) - HumanDuration.Utc(s)));
        if (spec.ActiveDeadlineSeconds is long deadline) w.Field(0, "Active Deadline Seconds", $"{deadline}s");
        w.Field(0, "Pods Statuses", status.Ready is int ready
            ? $"{status.Active ?? 0} Active ({ready} Ready) / {status.Succeeded ?? 0} Succeeded / {status.Failed ?? 0} Failed"
            : $"{status.Active ?? 0} Active / {status.Succeeded ?? 0} Succeeded / {status.Failed ?? 0} Failed");
        if (spec.CompletionMode == "Indexed") w.Field(0, "Completed Indexes", CapIndexes(status.CompletedIndexes, 50));
        PodTemplate.Write(w, spec.Template, zone);
        EventsSection.Write(w, input.Events, now);
    }

    public static void WriteCronJob(DescribeBuilder w, V1CronJob cronJob, DescribeInput input, DateTime now)
    {
        var zone = input.TimeZone;
        var meta = cronJob.Metadata ?? new V1ObjectMeta();
        var spec = cronJob.Spec ?? new V1CronJobSpec();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Field(0, "Schedule", spec.Schedule);
        w.Field(0, "Concurrency Policy", spec.ConcurrencyPolicy ?? "");
        w.Field(0, "Suspend", KubeFormat.Bool(spec.Suspend));
        w.Field(0, "Successful Job History Limit", spec.SuccessfulJobsHistoryLimit?.ToString() ?? KubeFormat.Unset);
        w.Field(0, "Failed Job History Limit", spec.FailedJobsHistoryLimit?.ToString() ?? KubeFormat.Unset);
        w.Field(0, "Starting Deadline Seconds", spec.StartingDeadlineSeconds is long startingDeadline ? $"{startingDeadline}s" : KubeFormat.Unset);
        var jobSpec = spec.JobTemplate?.Spec ?? new V1JobSpec();
        w.Field(0, "Selector", jobSpec.Selector is null ? KubeFormat.Unset : Common.Selector(jobSpec.Selector));
        w.Field(0, "Parallelism", jobSpec.Parallelism?.ToString() ?? KubeFormat.Unset);
        w.Field(0, "Completions", jobSpec.Completions?.ToString() ?? KubeFormat.Unset);
        if (jobSpec.ActiveDeadlineSeconds is long deadline) w.Field(0, "Active Deadline Seconds", $"{deadline}s");
        PodTemplate.Write(w, jobSpec.Template, zone);
        w.Field(0, "Last Schedule Time", cronJob.Status?.LastScheduleTime is { } last ? DescribeTime.Format(last, zone) : KubeFormat.Unset);
        var active = cronJob.Status?.Active ?? [];
        w.Field(0, "Active Jobs", active.Count == 0 ? KubeFormat.None : string.Join(", ", active.Select(j => j.Name)));
        EventsSection.Write(w, input.Events, now);
    }

    /// <summary>The completed indexes, cut after the first comma past <paramref name="softLimit"/> characters.</summary>
    private static string CapIndexes(string? indexes, int softLimit)
    {
        if (string.IsNullOrEmpty(indexes)) return KubeFormat.None;
        int cut = indexes.IndexOf(',', Math.Min(softLimit, indexes.Length));
        return cut < 0 ? indexes : indexes[..(cut + 1)] + "...";
    }
}
