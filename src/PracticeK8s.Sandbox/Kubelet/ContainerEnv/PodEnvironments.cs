using k8s.Models;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>A container whose config could not be made (it does not start; the pod retries).</summary>
public sealed record ContainerConfigFailure(string Container, bool IsInit, string Message)
{
    public string FieldPath => IsInit ? $"spec.initContainers{{{Container}}}" : $"spec.containers{{{Container}}}";
}

/// <summary>The pod's containers as the runtime should run them, or why some cannot start yet.</summary>
public sealed record PodEnvironmentOutcome(PodSpecification Spec, IReadOnlyList<ContainerConfigFailure> Failures, IReadOnlyList<EnvironmentWarning> Warnings);

/// <summary>
/// The kubelet's step between a bound pod and its start in the runtime: every container's environment,
/// command and args resolved (<see cref="ContainerEnvironmentResolver"/>) and put into the
/// <see cref="PodSpecification"/>, or the containers that cannot start yet (kubelet's CreateContainerConfigError).
/// </summary>
public sealed class PodEnvironments(IEnvironmentSources sources)
{
    /// <summary>
    /// The master Service's host and port are the runtime's (<see cref="ContainerLaunch.Environment"/>): there they
    /// name an address an in-pod client reaches, which the ClusterIP may not be here.
    /// </summary>
    public static readonly IReadOnlySet<string> RuntimeOwned = new HashSet<string>(StringComparer.Ordinal)
    {
        "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT",
    };

    private readonly ContainerEnvironmentResolver _resolver = new(sources) { RuntimeOwned = RuntimeOwned };

    public PodEnvironmentOutcome Resolve(V1Pod pod, PodSpecification spec, V1Node node, string hostIP, string? podIP)
    {
        var placement = new PodPlacement(
            hostIP.Length > 0 ? new[] { hostIP } : Array.Empty<string>(),
            podIP is { Length: > 0 } ? new[] { podIP } : Array.Empty<string>(),
            node.Status?.Allocatable);
        var failures = new List<ContainerConfigFailure>();
        var warnings = new List<EnvironmentWarning>();
        IReadOnlyList<ContainerSpecification> Resolve(IReadOnlyList<ContainerSpecification> specs, IList<V1Container>? containers, bool init) =>
            specs.Select(s =>
            {
                if (containers?.FirstOrDefault(c => c.Name == s.Name) is not { } container) return s;
                try
                {
                    var resolved = _resolver.Resolve(pod, container, placement);
                    warnings.AddRange(resolved.Warnings);
                    return s with
                    {
                        Env = new Dictionary<string, string>(resolved.Env, StringComparer.Ordinal),
                        Command = resolved.Command,
                        Args = resolved.Args,
                    };
                }
                catch (ContainerConfigException e)
                {
                    failures.Add(new ContainerConfigFailure(s.Name, init, e.Message));
                    return s;
                }
            }).ToList();
        var resolvedSpec = spec with
        {
            InitContainers = Resolve(spec.InitContainers, pod.Spec.InitContainers, init: true),
            Containers = Resolve(spec.Containers, pod.Spec.Containers, init: false),
        };
        return new PodEnvironmentOutcome(resolvedSpec, failures, warnings.Distinct().ToList());
    }

    /// <summary>
    /// The failed containers shown waiting as kubelet shows them: reason CreateContainerConfigError, its message;
    /// the pod's sandbox counts as made (PodReadyToStartContainers True, its transition time kept from <paramref name="previous"/>).
    /// </summary>
    public static void ShowFailures(V1PodStatus status, V1PodStatus? previous, IReadOnlyList<ContainerConfigFailure> failures, DateTime now)
    {
        const string sandboxReady = "PodReadyToStartContainers";
        if (status.Conditions?.FirstOrDefault(c => c.Type == sandboxReady) is { } ready)
        {
            var before = previous?.Conditions?.FirstOrDefault(c => c.Type == sandboxReady);
            ready.Status = "True";
            ready.LastTransitionTime = before?.Status == "True" ? before.LastTransitionTime : now;
        }
        foreach (var f in failures)
        {
            var statuses = f.IsInit ? status.InitContainerStatuses : status.ContainerStatuses;
            if (statuses?.FirstOrDefault(s => s.Name == f.Container) is not { } s) continue;
            s.State = new V1ContainerState
            {
                Waiting = new V1ContainerStateWaiting { Reason = ContainerConfigException.Reason, Message = f.Message },
            };
        }
    }

    /// <summary>kubelet's event for a container that could not be created.</summary>
    public static string FailedMessage(ContainerConfigFailure f) => "Error: " + f.Message;
}
