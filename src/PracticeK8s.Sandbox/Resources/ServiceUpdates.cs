using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Resources;

/// <summary>The Service kind's update rule (its <see cref="ResourceDefinition.KeepOnUpdate"/>).</summary>
public static class ServiceUpdates
{
    /// <summary>A Service update that omits clusterIP/nodePort keeps the allocated values (upstream does too).</summary>
    public static void KeepAllocatedFields(JsonObject old, JsonObject obj)
    {
        if (old.Obj("spec") is not { } os || obj.Obj("spec") is not { } ns) return;
        if (string.IsNullOrEmpty(ns.Str("clusterIP")) && os["clusterIP"] is { } ip)
        {
            ns["clusterIP"] = ip.DeepClone();
            if (os["clusterIPs"] is { } ips) ns["clusterIPs"] = ips.DeepClone();
        }
        var oldPorts = os.Arr("ports").Objects().ToList();
        foreach (var p in ns.Arr("ports").Objects())
            if (p["nodePort"] is null && oldPorts.FirstOrDefault(o => o.Long("port") == p.Long("port")) is { } match && match["nodePort"] is { } np)
                p["nodePort"] = np.DeepClone();
    }
}
