using k8s;
using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe ingressclass and priorityclass (<see cref="DescribeInput.Events"/>), rolebinding and clusterrolebinding (no events).</summary>
internal static class ClusterPolicyDescribers
{
    public static void WriteIngressClass(DescribeBuilder w, V1IngressClass ingressClass, DescribeInput input, DateTime now)
    {
        var meta = ingressClass.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        w.Field(0, "Controller", ingressClass.Spec?.Controller);
        if (ingressClass.Spec?.Parameters is { } parameters)
        {
            using var _ = w.Group(0, "Parameters");
            if (parameters.ApiGroup is not null) w.Field(2, "APIGroup", parameters.ApiGroup);
            w.Field(2, "Kind", parameters.Kind);
            w.Field(2, "Name", parameters.Name);
        }
        EventsSection.Write(w, input.Events, now);
    }

    public static void WritePriorityClass(DescribeBuilder w, V1PriorityClass priorityClass, DescribeInput input, DateTime now)
    {
        w.Field(0, "Name", priorityClass.Metadata?.Name);
        w.Field(0, "Value", (priorityClass.Value ?? 0).ToString());
        w.Field(0, "GlobalDefault", Common.GoBool(priorityClass.GlobalDefault == true));
        w.Field(0, "PreemptionPolicy", priorityClass.PreemptionPolicy ?? "");
        w.Field(0, "Description", priorityClass.Description ?? "");
        w.Field(0, "Annotations", KubeFormat.Labels(priorityClass.Metadata?.Annotations));
        EventsSection.Write(w, input.Events, now);
    }

    public static void WriteBinding(DescribeBuilder w, IMetadata<V1ObjectMeta> binding, V1RoleRef? roleRef, IList<Rbacv1Subject>? subjects)
    {
        var meta = binding.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);
        using (w.Group(0, "Role"))
        {
            w.Field(2, "Kind", roleRef?.Kind);
            w.Field(2, "Name", roleRef?.Name);
        }
        w.Table(0, "Subjects", ["Kind", "Name", "Namespace"],
            (subjects ?? []).Select(s => (IReadOnlyList<string>)[s.Kind ?? "", s.Name ?? "", s.NamespaceProperty ?? ""]), rowIndent: 2);
    }
}
