using System.Management.Automation;
using k8s.Models;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.PortForward;

/// <summary>
/// kubectl's port rules once the pod is known: a named remote port is looked up among the pod's
/// container ports; through a Service the remote side is a service port (number or name) mapped to its
/// targetPort (a number, or a container port name looked up in the chosen pod).
/// </summary>
public static class PortTranslation
{
    public static IReadOnlyList<ResolvedPort> ForPod(V1Pod pod, IReadOnlyList<PortMapping> mappings)
    {
        var resolved = new List<ResolvedPort>();
        foreach (var m in mappings)
        {
            int remote = m.RemoteNumber ?? ContainerPortByName(pod, m.Remote);
            RefuseUdpOnly(pod, remote, m.Remote);
            resolved.Add(new ResolvedPort(m.Local < 0 ? remote : m.Local, remote));
        }
        return resolved;
    }

    public static IReadOnlyList<ResolvedPort> ForService(V1Service service, V1Pod pod, IReadOnlyList<PortMapping> mappings)
    {
        var resolved = new List<ResolvedPort>();
        foreach (var m in mappings)
        {
            int servicePort = m.RemoteNumber ?? ServicePortByName(service, m.Remote);
            int local = m.Local < 0 ? servicePort : m.Local;
            resolved.Add(new ResolvedPort(local, ContainerPortOfServicePort(service, pod, servicePort)));
        }
        return resolved;
    }

    public static int ContainerPortByName(V1Pod pod, string name)
    {
        foreach (var container in pod.Spec?.Containers ?? [])
        {
            foreach (var port in container.Ports ?? [])
            {
                if (port.Name == name)
                    return port.ContainerPort;
            }
        }
        throw new KubeException($"Pod '{pod.Metadata?.Name}' does not have a named port '{name}'", "KubePortForwardUnknownPort",
            ErrorCategory.ObjectNotFound, name);
    }

    private static int ServicePortByName(V1Service service, string name)
    {
        foreach (var port in service.Spec?.Ports ?? [])
        {
            if (port.Name == name)
                return port.Port;
        }
        throw new KubeException($"Service '{service.Metadata?.Name}' does not have a named port '{name}'", "KubePortForwardUnknownPort",
            ErrorCategory.ObjectNotFound, name);
    }

    private static int ContainerPortOfServicePort(V1Service service, V1Pod pod, int servicePort)
    {
        foreach (var port in service.Spec?.Ports ?? [])
        {
            if (port.Port != servicePort)
                continue;
            if (service.Spec?.ClusterIP == "None")
                return servicePort;
            var target = port.TargetPort?.Value;
            if (string.IsNullOrEmpty(target) || target == "0")
                return servicePort;
            return PortMapping.IsNumber(target) ? int.Parse(target, System.Globalization.CultureInfo.InvariantCulture) : ContainerPortByName(pod, target);
        }
        throw new KubeException($"Service {service.Metadata?.Name} does not have a service port {servicePort}", "KubePortForwardUnknownPort",
            ErrorCategory.ObjectNotFound, servicePort);
    }

    // kubectl refuses a port the pod declares only for UDP: port-forward carries TCP.
    private static void RefuseUdpOnly(V1Pod pod, int remote, string asGiven)
    {
        var declared = (pod.Spec?.Containers ?? []).SelectMany(c => c.Ports ?? []).Where(p => p.ContainerPort == remote).ToList();
        if (declared.Count > 0 && declared.All(p => string.Equals(p.Protocol, "UDP", StringComparison.OrdinalIgnoreCase)))
            throw new KubeException($"UDP protocol is not supported for {asGiven}", "KubePortForwardUdp", ErrorCategory.InvalidArgument, asGiven);
    }
}
