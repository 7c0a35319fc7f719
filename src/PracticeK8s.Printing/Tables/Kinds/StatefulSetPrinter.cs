using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>StatefulSet: NAME READY AGE; wide: CONTAINERS IMAGES.</summary>
internal sealed class StatefulSetPrinter : ObjectTablePrinter<V1StatefulSet>
{
    public StatefulSetPrinter() : base("apps", "StatefulSet")
    {
        NameColumn();
        Column("Ready", "Ready", "string", 0, "Number of the pods that are ready over the desired number.",
            s => $"{s.Status?.ReadyReplicas ?? 0}/{s.Spec?.Replicas ?? 1}");
        AgeColumn();
        Column("Containers", "Containers", "string", 1, Descriptions.Containers, s => KubeFormat.ContainerNames(s.Spec?.Template?.Spec?.Containers));
        Column("Images", "Images", "string", 1, Descriptions.Images, s => KubeFormat.ContainerImages(s.Spec?.Template?.Spec?.Containers));
    }
}
