using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Service: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE; wide: SELECTOR.</summary>
internal sealed class ServicePrinter : ObjectTablePrinter<V1Service>
{
    public ServicePrinter() : base("", "Service")
    {
        NameColumn();
        Column("Type", "Type", "string", 0, "The way the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.",
            s => s.Spec?.Type ?? "");
        Column("Cluster-IP", "ClusterIP", "string", 0, "The IP address of the service inside the cluster.",
            s => s.Spec?.ClusterIPs?.FirstOrDefault() ?? KubeFormat.None);
        Column("External-IP", "ExternalIP", "string", 0, "The addresses the service is reachable at from outside the cluster.",
            ExternalIP);
        Column("Port(s)", "Ports", "string", 0, "The ports the service exposes, with node ports.", s => Ports(s.Spec?.Ports));
        AgeColumn();
        Column("Selector", "Selector", "string", 1, "Route service traffic to pods with label keys and values matching this selector.",
            s => KubeFormat.Labels(s.Spec?.Selector));
    }

    /// <summary>
    /// kubectl's EXTERNAL-IP: external IPs for ClusterIP/NodePort, load-balancer ingress (then external IPs)
    /// or &lt;pending&gt; for LoadBalancer, the external name for ExternalName.
    /// </summary>
    internal static string ExternalIP(V1Service service)
    {
        var externalIPs = service.Spec?.ExternalIPs ?? [];
        switch (service.Spec?.Type)
        {
            case "ClusterIP":
            case "NodePort":
                return externalIPs.Count > 0 ? string.Join(",", externalIPs) : KubeFormat.None;
            case "LoadBalancer":
                var ingress = KubeFormat.LoadBalancerIngress(
                    service.Status?.LoadBalancer?.Ingress?.Select(i => (i.Ip, i.Hostname)));
                if (externalIPs.Count > 0)
                    return string.Join(",", (ingress.Length > 0 ? ingress.Split(',') : []).Concat(externalIPs));
                return ingress.Length > 0 ? ingress : "<pending>";
            case "ExternalName":
                return service.Spec.ExternalName ?? "";
            default:
                return KubeFormat.Unknown;
        }
    }

    /// <summary>"port/PROTO" or "port:nodePort/PROTO" per port, joined with ","; "&lt;none&gt;" with no ports.</summary>
    internal static string Ports(IEnumerable<V1ServicePort>? ports)
    {
        var pieces = (ports ?? []).Select(p =>
        {
            var protocol = p.Protocol ?? "TCP";
            return p.NodePort is int nodePort && nodePort > 0 ? $"{p.Port}:{nodePort}/{protocol}" : $"{p.Port}/{protocol}";
        }).ToList();
        return pieces.Count == 0 ? KubeFormat.None : string.Join(",", pieces);
    }
}
