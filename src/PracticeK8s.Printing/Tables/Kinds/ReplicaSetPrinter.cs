using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>ReplicaSet: NAME DESIRED CURRENT READY AGE; wide: CONTAINERS IMAGES SELECTOR.</summary>
internal sealed class ReplicaSetPrinter : ObjectTablePrinter<V1ReplicaSet>
{
    public ReplicaSetPrinter() : base("apps", "ReplicaSet")
    {
        NameColumn();
        // An unset spec.replicas is shown as the API's default, 1.
        Column("Desired", "Desired", "integer", 0, "Number of desired pods.", r => (r.Spec?.Replicas ?? 1).ToString());
        Column("Current", "Current", "integer", 0, "Number of actual pods.", r => (r.Status?.Replicas ?? 0).ToString());
        Column("Ready", "Ready", "integer", 0, "Number of ready pods.", r => (r.Status?.ReadyReplicas ?? 0).ToString());
        AgeColumn();
        Column("Containers", "Containers", "string", 1, Descriptions.Containers, r => KubeFormat.ContainerNames(r.Spec?.Template?.Spec?.Containers));
        Column("Images", "Images", "string", 1, Descriptions.Images, r => KubeFormat.ContainerImages(r.Spec?.Template?.Spec?.Containers));
        Column("Selector", "Selector", "string", 1, Descriptions.Selector, r => KubeFormat.LabelSelector(r.Spec?.Selector));
    }
}
