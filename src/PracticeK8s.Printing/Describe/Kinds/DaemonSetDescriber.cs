using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe daemonset. Related objects: <see cref="DescribeInput.Pods"/> (by selector), <see cref="DescribeInput.Events"/>.</summary>
internal static class DaemonSetDescriber
{
    public static void Write(DescribeBuilder w, V1DaemonSet ds, DescribeInput input, DateTime now)
    {
        var meta = ds.Metadata ?? new V1ObjectMeta();
        var status = ds.Status ?? new V1DaemonSetStatus();
        w.Field(0, "Name", meta.Name);
        if (w.KubectlMinorVersion >= 33) w.Field(0, "Namespace", meta.NamespaceProperty);
        w.Field(0, "Selector", Common.Selector(ds.Spec?.Selector));
        w.Field(0, "Node-Selector", KubeFormat.Labels(ds.Spec?.Template?.Spec?.NodeSelector));
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        // These lines have no tab in kubectl, so they do not align with the fields around them.
        w.Text(0, $"Desired Number of Nodes Scheduled: {status.DesiredNumberScheduled}");
        w.Text(0, $"Current Number of Nodes Scheduled: {status.CurrentNumberScheduled}");
        w.Text(0, $"Number of Nodes Scheduled with Up-to-date Pods: {status.UpdatedNumberScheduled ?? 0}");
        w.Text(0, $"Number of Nodes Scheduled with Available Pods: {status.NumberAvailable ?? 0}");
        w.Text(0, $"Number of Nodes Misscheduled: {status.NumberMisscheduled}");
        w.Field(0, "Pods Status", Common.PodsStatus(input.Pods, meta, "DaemonSet"));
        PodTemplate.Write(w, ds.Spec?.Template, input.TimeZone);
        EventsSection.Write(w, input.Events, now);
    }
}
