using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>CronJob (batch): NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE; wide: CONTAINERS IMAGES SELECTOR.</summary>
internal sealed class CronJobPrinter : ObjectTablePrinter<V1CronJob>
{
    public CronJobPrinter() : base("batch", "CronJob")
    {
        NameColumn();
        Column("Schedule", "Schedule", "string", 0, "The schedule in Cron format.", c => c.Spec?.Schedule ?? "");
        Column("Timezone", "TimeZone", "string", 0, "The time zone name for the given schedule.", c => c.Spec?.TimeZone ?? KubeFormat.None);
        Column("Suspend", "Suspend", "boolean", 0, "Whether subsequent executions are suspended.", c => KubeFormat.Bool(c.Spec?.Suspend));
        Column("Active", "Active", "integer", 0, "The number of currently running jobs.", c => (c.Status?.Active?.Count ?? 0).ToString());
        Column("Last Schedule", "LastSchedule", "string", 0, "When the job was last successfully scheduled.",
            (c, now) => c.Status?.LastScheduleTime is { } last ? HumanDuration.Since(last, now) : KubeFormat.None);
        AgeColumn();
        Column("Containers", "Containers", "string", 1, Descriptions.Containers,
            c => KubeFormat.ContainerNames(c.Spec?.JobTemplate?.Spec?.Template?.Spec?.Containers));
        Column("Images", "Images", "string", 1, Descriptions.Images,
            c => KubeFormat.ContainerImages(c.Spec?.JobTemplate?.Spec?.Template?.Spec?.Containers));
        Column("Selector", "Selector", "string", 1, Descriptions.Selector,
            c => KubeFormat.LabelSelector(c.Spec?.JobTemplate?.Spec?.Selector));
    }
}
