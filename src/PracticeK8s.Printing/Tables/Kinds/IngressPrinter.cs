using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>Ingress (networking.k8s.io): NAME CLASS HOSTS ADDRESS PORTS AGE.</summary>
internal sealed class IngressPrinter : ObjectTablePrinter<V1Ingress>
{
    public IngressPrinter() : base("networking.k8s.io", "Ingress")
    {
        NameColumn();
        Column("Class", "Class", "string", 0, "The name of the IngressClass cluster resource.",
            i => i.Spec?.IngressClassName ?? KubeFormat.None);
        Column("Hosts", "Hosts", "string", 0, "Hosts that incoming requests are matched against.", i => Hosts(i.Spec?.Rules));
        Column("Address", "Address", "string", 0, "Address is a list containing ingress points for the load-balancer.",
            i => KubeFormat.LoadBalancerIngress(i.Status?.LoadBalancer?.Ingress?.Select(e => (e.Ip, e.Hostname))));
        Column("Ports", "Ports", "string", 0, "Ports of the load-balancer.", i => i.Spec?.Tls is { Count: > 0 } ? "80, 443" : "80");
        AgeColumn();
    }

    /// <summary>Up to three rule hosts, " + N more..." after them (N counts rules, not hosts), or "*" when none.</summary>
    internal static string Hosts(IList<V1IngressRule>? rules)
    {
        const int max = 3;
        var list = new List<string>();
        bool more = false;
        foreach (var rule in rules ?? [])
        {
            if (list.Count == max) more = true;
            if (!more && !string.IsNullOrEmpty(rule.Host)) list.Add(rule.Host);
        }
        if (list.Count == 0) return "*";
        var text = string.Join(",", list);
        return more ? $"{text} + {rules!.Count - max} more..." : text;
    }
}
