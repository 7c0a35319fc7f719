using k8s.Models;

namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>
/// The value of a <c>resourceFieldRef</c> as kubelet computes it (containerResourceRuntimeValue): the
/// container's limit or request of cpu, memory or ephemeral-storage divided by the divisor (default 1)
/// and rounded up; cpu counted in millicores before dividing. A limit that is not set is the node's
/// allocatable (defaultPodLimitsForDownwardAPI); a request that is not set is the limit given in the
/// spec, as the API server defaults it, else 0.
/// </summary>
public static class ResourceFieldValues
{
    private static readonly string[] Defaulted = { "cpu", "memory", "ephemeral-storage" };

    /// <exception cref="ContainerConfigException">a resource kubelet does not support here.</exception>
    public static string Get(V1ResourceFieldSelector selector, V1Container container, IDictionary<string, ResourceQuantity>? nodeAllocatable)
    {
        try { return Compute(selector, container, nodeAllocatable); }
        catch (OverflowException) { throw new ContainerConfigException($"resource {selector.Resource} of container {container.Name} is out of range"); }
    }

    private static string Compute(V1ResourceFieldSelector selector, V1Container container, IDictionary<string, ResourceQuantity>? nodeAllocatable)
    {
        var (kind, resource) = selector.Resource.Split('.', 2) is [var k, var r] ? (k, r) : ("", selector.Resource);
        if (kind is not ("limits" or "requests") || !Defaulted.Contains(resource))
            throw new ContainerConfigException($"unsupported container resource : {selector.Resource}");
        var limits = container.Resources?.Limits;
        var requests = container.Resources?.Requests;
        ResourceQuantity? quantity = kind == "limits"
            ? Find(limits, resource) ?? Find(nodeAllocatable, resource)
            : Find(requests, resource) ?? Find(limits, resource);
        var value = quantity?.ToDecimal() ?? 0m;
        var divisor = selector.Divisor?.ToDecimal() is { } d && d != 0 ? d : 1m;
        decimal result;
        if (resource == "cpu")
        {
            var milliDivisor = Math.Ceiling(divisor * 1000);
            result = Math.Ceiling(Math.Ceiling(value * 1000) / milliDivisor);
        }
        else
        {
            var wholeDivisor = Math.Ceiling(divisor);
            result = Math.Ceiling(Math.Ceiling(value) / wholeDivisor);
        }
        return checked((long)result).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ResourceQuantity? Find(IDictionary<string, ResourceQuantity>? map, string key) =>
        map is not null && map.TryGetValue(key, out var q) ? q : null;
}
