using k8s.Models;

namespace PracticeK8s.Sandbox.Scheduling;

/// <summary>A pod's cpu (millicores) and memory (bytes) requests: containers summed, init containers' maximum, as the scheduler counts them.</summary>
public readonly record struct PodRequests(long MilliCpu, long MemoryBytes)
{
    public static PodRequests Of(V1PodSpec spec)
    {
        long cpu = 0, mem = 0;
        foreach (var c in spec.Containers ?? new List<V1Container>())
        {
            cpu += Quantity(c, "cpu", milli: true);
            mem += Quantity(c, "memory", milli: false);
        }
        foreach (var c in spec.InitContainers ?? new List<V1Container>())
        {
            cpu = Math.Max(cpu, Quantity(c, "cpu", milli: true));
            mem = Math.Max(mem, Quantity(c, "memory", milli: false));
        }
        foreach (var (k, v) in spec.Overhead ?? new Dictionary<string, ResourceQuantity>())
        {
            if (k == "cpu") cpu += (long)(v.ToDecimal() * 1000);
            if (k == "memory") mem += (long)v.ToDecimal();
        }
        return new PodRequests(cpu, mem);
    }

    private static long Quantity(V1Container c, string resource, bool milli)
    {
        var q = c.Resources?.Requests?.TryGetValue(resource, out var r) == true ? r
            : c.Resources?.Limits?.TryGetValue(resource, out var l) == true ? l : null; // requests default to limits
        if (q is null) return 0;
        var value = q.ToDecimal();
        return (long)Math.Ceiling(milli ? value * 1000 : value);
    }

    public static long AllocatableMilliCpu(V1Node node) =>
        node.Status?.Allocatable?.TryGetValue("cpu", out var q) == true ? (long)(q.ToDecimal() * 1000) : 0;

    public static long AllocatableMemory(V1Node node) =>
        node.Status?.Allocatable?.TryGetValue("memory", out var q) == true ? (long)q.ToDecimal() : 0;

    public static long AllocatablePods(V1Node node) =>
        node.Status?.Allocatable?.TryGetValue("pods", out var q) == true ? (long)q.ToDecimal() : 110;

    public static PodRequests operator +(PodRequests a, PodRequests b) => new(a.MilliCpu + b.MilliCpu, a.MemoryBytes + b.MemoryBytes);
}
