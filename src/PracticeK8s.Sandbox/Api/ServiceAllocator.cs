using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Resources.Validation;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// ClusterIP (10.96.0.0/16; 10.96.0.1 is the kubernetes service's) and node-port (30000–32767)
/// allocation for new Services, as the API server's service registry does.
/// </summary>
public static class ServiceAllocator
{
    public const string ServiceKey = "/services";

    public static void Allocate(SandboxState state, ResourceDefinition def, JsonObject svc)
    {
        var spec = svc.Obj("spec");
        if (spec is null) return;
        var type = spec.Str("type") ?? "ClusterIP";
        if (type == "ExternalName") return;
        var (all, _) = state.Store.List(ServiceKey, null);
        var takenIps = new HashSet<string>();
        var takenPorts = new HashSet<long>();
        foreach (var s in all)
        {
            if (!s.Root.TryGetProperty("spec", out var ss)) continue;
            if (ss.TryGetProperty("clusterIP", out var ip) && ip.ValueKind == JsonValueKind.String) takenIps.Add(ip.GetString()!);
            if (ss.TryGetProperty("ports", out var ps) && ps.ValueKind == JsonValueKind.Array)
                foreach (var p in ps.EnumerateArray())
                    if (p.TryGetProperty("nodePort", out var np) && np.TryGetInt64(out var n)) takenPorts.Add(n);
        }
        var errors = new FieldErrors();
        var name = svc.Obj("metadata").Str("name") ?? "";
        var requested = spec.Str("clusterIP");
        if (requested is null or "")
        {
            var ip = name == "kubernetes" && svc.Obj("metadata").Str("namespace") == "default" && !takenIps.Contains("10.96.0.1")
                ? "10.96.0.1" : Pick(takenIps);
            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
        }
        else if (requested != "None")
        {
            if (takenIps.Contains(requested))
                errors.Invalid("spec.clusterIPs", new JsonArray(requested).ToJsonString(), "failed to allocate IP " + requested + ": provided IP is already allocated");
            spec.Default("clusterIPs", new JsonArray(requested));
        }
        else spec.Default("clusterIPs", new JsonArray("None"));
        if (type is "NodePort" or "LoadBalancer" && spec.Bool("allocateLoadBalancerNodePorts") != false)
        {
            int i = 0;
            foreach (var port in spec.Arr("ports").Objects())
            {
                if (port.Long("nodePort") is { } np)
                {
                    if (!takenPorts.Add(np)) errors.Invalid($"spec.ports[{i}].nodePort", np, "provided port is already allocated");
                }
                else
                {
                    long pick;
                    do pick = RandomNumberGenerator.GetInt32(30000, 32768); while (!takenPorts.Add(pick));
                    port["nodePort"] = pick;
                }
                i++;
            }
        }
        errors.ThrowIfAny(def, name);
    }

    private static string Pick(HashSet<string> taken)
    {
        for (int attempt = 0; attempt < 100_000; attempt++)
        {
            var n = RandomNumberGenerator.GetInt32(2, 65535);
            var ip = $"10.96.{n >> 8}.{n & 255}";
            if (n != 10 && (n & 255) != 0 && (n & 255) != 255 && !taken.Contains(ip)) return ip; // 10.96.0.10 is reserved for DNS
        }
        throw ApiException.Internal("no ClusterIP addresses left in 10.96.0.0/16");
    }
}
