using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>ReplicationController: NAME DESIRED CURRENT READY AGE; wide: CONTAINERS IMAGES SELECTOR.</summary>
internal sealed class ReplicationControllerPrinter : ObjectTablePrinter<V1ReplicationController>
{
    public ReplicationControllerPrinter() : base("", "ReplicationController")
    {
        NameColumn();
        Column("Desired", "Desired", "integer", 0, "Number of desired pods.", r => (r.Spec?.Replicas ?? 1).ToString());
        Column("Current", "Current", "integer", 0, "Number of actual pods.", r => (r.Status?.Replicas ?? 0).ToString());
        Column("Ready", "Ready", "integer", 0, "Number of ready pods.", r => (r.Status?.ReadyReplicas ?? 0).ToString());
        AgeColumn();
        Column("Containers", "Containers", "string", 1, Descriptions.Containers, r => KubeFormat.ContainerNames(r.Spec?.Template?.Spec?.Containers));
        Column("Images", "Images", "string", 1, Descriptions.Images, r => KubeFormat.ContainerImages(r.Spec?.Template?.Spec?.Containers));
        Column("Selector", "Selector", "string", 1, Descriptions.Selector, r => KubeFormat.Labels(r.Spec?.Selector));
    }
}
