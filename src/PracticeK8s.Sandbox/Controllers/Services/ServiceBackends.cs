using k8s.Models;

namespace PracticeK8s.Sandbox.Controllers.Services;

/// <summary>One pod behind a Service port set: its address, node, readiness and the resolved target ports.</summary>
public sealed record Backend(Live<V1Pod> Pod, string Ip, string? Node, bool Ready, bool Terminating, IReadOnlyList<BackendPort> Ports);

/// <summary>A Service port resolved against one pod: name, the pod's port number, protocol.</summary>
public sealed record BackendPort(string? Name, int Port, string Protocol, int ServicePort);

/// <summary>
/// Which pods back a Service (selector match, an IP, not finished) and on which ports: a numeric
/// targetPort as is, a named one looked up among the pod's container ports (pods without it are left out).
/// </summary>
public static class ServiceBackends
{
    public static List<Backend> Of(V1Service svc, IEnumerable<Live<V1Pod>> namespacePods)
    {
        var result = new List<Backend>();
        var selector = svc.Spec?.Selector;
        if (selector is not { Count: > 0 }) return result;
        foreach (var pod in namespacePods)
        {
            if (!Selectors.MatchesMap(selector, pod.Labels) || PodState.IsTerminal(pod.Model)) continue;
            var ip = pod.Model.Status?.PodIP;
            if (string.IsNullOrEmpty(ip)) continue;
            var ports = new List<BackendPort>();
            foreach (var p in svc.Spec!.Ports ?? new List<V1ServicePort>())
                if (Resolve(p, pod.Model) is { } number) ports.Add(new BackendPort(p.Name, number, p.Protocol ?? "TCP", p.Port));
            if (ports.Count == 0 && svc.Spec.Ports is { Count: > 0 }) continue;
            var terminating = pod.IsBeingDeleted;
            var ready = PodState.IsReady(pod.Model) && !terminating;
            result.Add(new Backend(pod, ip, pod.Model.Spec.NodeName, ready, terminating, ports));
        }
        return result.OrderBy(b => b.Ip, StringComparer.Ordinal).ToList();
    }

    public static int? Resolve(V1ServicePort port, V1Pod pod)
    {
        var target = port.TargetPort?.Value;
        if (string.IsNullOrEmpty(target)) return port.Port;
        if (int.TryParse(target, out var n)) return n;
        return pod.Spec.Containers.SelectMany(c => c.Ports ?? new List<V1ContainerPort>())
            .FirstOrDefault(cp => cp.Name == target && (cp.Protocol ?? "TCP") == (port.Protocol ?? "TCP"))?.ContainerPort;
    }
}
