using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Job (batch): NAME STATUS COMPLETIONS DURATION AGE; wide: CONTAINERS IMAGES SELECTOR.</summary>
internal sealed class JobPrinter : ObjectTablePrinter<V1Job>
{
    public JobPrinter() : base("batch", "Job")
    {
        NameColumn();
        Column("Status", "Status", "string", 0, "Status of the job.", Status);
        Column("Completions", "Completions", "string", 0, "The successful pods over the desired completions.", Completions);
        Column("Duration", "Duration", "string", 0, "Time required to complete the job.", Duration);
        AgeColumn();
        Column("Containers", "Containers", "string", 1, Descriptions.Containers, j => KubeFormat.ContainerNames(j.Spec?.Template?.Spec?.Containers));
        Column("Images", "Images", "string", 1, Descriptions.Images, j => KubeFormat.ContainerImages(j.Spec?.Template?.Spec?.Containers));
        Column("Selector", "Selector", "string", 1, Descriptions.Selector, j => KubeFormat.LabelSelector(j.Spec?.Selector));
    }

    /// <summary>Complete, Failed, Terminating, Suspended, FailureTarget, else Running (first match wins).</summary>
    internal static string Status(V1Job job)
    {
        bool Has(string type) => job.Status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;
        if (Has("Complete")) return "Complete";
        if (Has("Failed")) return "Failed";
        if (job.Metadata?.DeletionTimestamp is not null) return "Terminating";
        if (Has("Suspended")) return "Suspended";
        if (Has("FailureTarget")) return "FailureTarget";
        return "Running";
    }

    internal static string Completions(V1Job job)
    {
        int succeeded = job.Status?.Succeeded ?? 0;
        if (job.Spec?.Completions is int completions) return $"{succeeded}/{completions}";
        int parallelism = job.Spec?.Parallelism ?? 0;
        return parallelism > 1 ? $"{succeeded}/1 of {parallelism}" : $"{succeeded}/1";
    }

    internal static string Duration(V1Job job, DateTime now)
    {
        if (job.Status?.StartTime is not { } start) return "";
        var end = job.Status.CompletionTime is { } completed ? HumanDuration.Utc(completed) : now;
        return HumanDuration.Format(end - HumanDuration.Utc(start));
    }
}
