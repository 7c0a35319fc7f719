using k8s.Models;

namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>
/// The Docker-link style variables kubelet gives every container for the Services it can see
/// (upstream's getServiceEnvVarMap and envvars.FromServices): the master <c>kubernetes</c> Service of
/// <c>default</c> always, and with <c>enableServiceLinks</c> (default true) every Service of the pod's
/// namespace. Services without a cluster IP (headless, ExternalName) give none.
/// </summary>
public static class ServiceLinkVariables
{
    private const string MasterService = "kubernetes";

    /// <summary>The Services a pod of <paramref name="podNamespace"/> gets variables for (one per name; its own namespace's wins).</summary>
    public static IReadOnlyList<V1Service> Visible(IEnumerable<V1Service> services, string podNamespace, bool enableServiceLinks)
    {
        var byName = new Dictionary<string, V1Service>(StringComparer.Ordinal);
        foreach (var s in services.Where(HasClusterIP).OrderBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            var name = s.Metadata.Name;
            if (s.Metadata.NamespaceProperty == "default" && name == MasterService) byName.TryAdd(name, s);
            else if (s.Metadata.NamespaceProperty == podNamespace && enableServiceLinks) byName[name] = s;
        }
        return byName.Values.ToList();
    }

    public static bool HasClusterIP(V1Service s) => s.Spec?.ClusterIP is { Length: > 0 } ip && ip != "None";

    /// <summary>The variables of these Services, in upstream's order per Service.</summary>
    public static List<KeyValuePair<string, string>> For(IEnumerable<V1Service> services)
    {
        var vars = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) => vars.Add(new(name, value));
        foreach (var s in services)
        {
            if (!HasClusterIP(s) || s.Spec.Ports is not { Count: > 0 } ports) continue;
            var ip = s.Spec.ClusterIP;
            var prefix = VariableName(s.Metadata.Name);
            Add(prefix + "_SERVICE_HOST", ip);
            Add(prefix + "_SERVICE_PORT", ports[0].Port.ToString());
            foreach (var p in ports.Where(p => !string.IsNullOrEmpty(p.Name)))
                Add(prefix + "_SERVICE_PORT_" + VariableName(p.Name), p.Port.ToString());
            for (var i = 0; i < ports.Count; i++)
            {
                var protocol = string.IsNullOrEmpty(ports[i].Protocol) ? "TCP" : ports[i].Protocol;
                var url = $"{protocol.ToLowerInvariant()}://{HostPort(ip, ports[i].Port)}";
                if (i == 0) Add(prefix + "_PORT", url);
                var portPrefix = $"{prefix}_PORT_{ports[i].Port}_{protocol.ToUpperInvariant()}";
                Add(portPrefix, url);
                Add(portPrefix + "_PROTO", protocol.ToLowerInvariant());
                Add(portPrefix + "_PORT", ports[i].Port.ToString());
                Add(portPrefix + "_ADDR", ip);
            }
        }
        return vars;
    }

    /// <summary>A Service name as a variable prefix: upper case, '-' as '_'.</summary>
    public static string VariableName(string name) => name.Replace('-', '_').ToUpperInvariant();

    private static string HostPort(string ip, int port) => ip.Contains(':') ? $"[{ip}]:{port}" : $"{ip}:{port}";
}
