using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Deployment: NAME READY UP-TO-DATE AVAILABLE AGE; wide: CONTAINERS IMAGES SELECTOR.</summary>
internal sealed class DeploymentPrinter : ObjectTablePrinter<V1Deployment>
{
    public DeploymentPrinter() : base("apps", "Deployment")
    {
        NameColumn();
        Column("Ready", "Ready", "string", 0, "Number of the pods that are ready over the desired number.",
            d => $"{d.Status?.ReadyReplicas ?? 0}/{d.Spec?.Replicas ?? 1}");
        Column("Up-to-date", "UpToDate", "integer", 0, "Total number of non-terminated pods that have the desired template spec.",
            d => (d.Status?.UpdatedReplicas ?? 0).ToString());
        Column("Available", "Available", "integer", 0, "Total number of available pods (ready for at least minReadySeconds).",
            d => (d.Status?.AvailableReplicas ?? 0).ToString());
        AgeColumn();
        Column("Containers", "Containers", "string", 1, Descriptions.Containers, d => KubeFormat.ContainerNames(d.Spec?.Template?.Spec?.Containers));
        Column("Images", "Images", "string", 1, Descriptions.Images, d => KubeFormat.ContainerImages(d.Spec?.Template?.Spec?.Containers));
        // Unlike most kinds, kubectl prints the bare selector string here: empty, not <none>, when there is none.
        Column("Selector", "Selector", "string", 1, Descriptions.Selector,
            d => KubeFormat.LabelSelectorString(d.Spec?.Selector) ?? "<invalid>");
    }
}
