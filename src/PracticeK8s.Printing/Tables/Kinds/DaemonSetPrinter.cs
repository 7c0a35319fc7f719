using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>DaemonSet: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE; wide: CONTAINERS IMAGES SELECTOR.</summary>
internal sealed class DaemonSetPrinter : ObjectTablePrinter<V1DaemonSet>
{
    public DaemonSetPrinter() : base("apps", "DaemonSet")
    {
        NameColumn();
        Column("Desired", "Desired", "integer", 0, "The number of nodes that should be running the daemon pod.",
            d => (d.Status?.DesiredNumberScheduled ?? 0).ToString());
        Column("Current", "Current", "integer", 0, "The number of nodes running at least one daemon pod that are supposed to.",
            d => (d.Status?.CurrentNumberScheduled ?? 0).ToString());
        Column("Ready", "Ready", "integer", 0, "The number of nodes that should be running the daemon pod and have a ready one.",
            d => (d.Status?.NumberReady ?? 0).ToString());
        Column("Up-to-date", "UpToDate", "integer", 0, "The number of nodes running the updated daemon pod.",
            d => (d.Status?.UpdatedNumberScheduled ?? 0).ToString());
        Column("Available", "Available", "integer", 0, "The number of nodes that should be running the daemon pod and have an available one.",
            d => (d.Status?.NumberAvailable ?? 0).ToString());
        Column("Node Selector", "NodeSelector", "string", 0, "The node selector of the pod template.",
            d => KubeFormat.Labels(d.Spec?.Template?.Spec?.NodeSelector));
        AgeColumn();
        Column("Containers", "Containers", "string", 1, Descriptions.Containers, d => KubeFormat.ContainerNames(d.Spec?.Template?.Spec?.Containers));
        Column("Images", "Images", "string", 1, Descriptions.Images, d => KubeFormat.ContainerImages(d.Spec?.Template?.Spec?.Containers));
        Column("Selector", "Selector", "string", 1, Descriptions.Selector, d => KubeFormat.LabelSelector(d.Spec?.Selector));
    }
}
