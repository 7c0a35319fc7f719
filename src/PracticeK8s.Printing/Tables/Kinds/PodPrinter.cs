using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Pod: NAME READY STATUS RESTARTS AGE; wide: IP NODE NOMINATED NODE READINESS GATES.</summary>
internal sealed class PodPrinter : ObjectTablePrinter<V1Pod>
{
    public PodPrinter() : base("", "Pod")
    {
        NameColumn();
        Column("Ready", "Ready", "string", 0, "The aggregate readiness state of this pod for accepting traffic.",
            p => PodSummary.Of(p).Ready);
        Column("Status", "Status", "string", 0, "The aggregate status of the containers in this pod.",
            p => PodSummary.Of(p).Status);
        Column("Restarts", "Restarts", "string", 0,
            "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
            (p, now) => PodSummary.Of(p).RestartsText(now));
        AgeColumn();
        Column("IP", "IP", "string", 1, "IP address allocated to the pod; routable at least within the cluster.",
            p => KubeFormat.OrDefault(p.Status?.PodIPs?.FirstOrDefault()?.Ip, KubeFormat.None));
        Column("Node", "Node", "string", 1, "The node this pod is scheduled onto.",
            p => KubeFormat.OrDefault(p.Spec?.NodeName, KubeFormat.None));
        Column("Nominated Node", "NominatedNode", "string", 1,
            "The node where this pod is expected to run after preempting lower-priority pods.",
            p => KubeFormat.OrDefault(p.Status?.NominatedNodeName, KubeFormat.None));
        Column("Readiness Gates", "ReadinessGates", "string", 1,
            "Pod conditions evaluated for readiness, as the number of those that are True over their total.",
            ReadinessGates);
    }

    private static string ReadinessGates(V1Pod pod)
    {
        var gates = pod.Spec?.ReadinessGates;
        if (gates is null || gates.Count == 0) return KubeFormat.None;
        int trueGates = gates.Count(gate =>
            pod.Status?.Conditions?.FirstOrDefault(c => c.Type == gate.ConditionType)?.Status == "True");
        return $"{trueGates}/{gates.Count}";
    }
}
