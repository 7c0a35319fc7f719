using System.Management.Automation;
using k8s.Models;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Exec;

/// <summary>
/// Which container of a pod a logs, exec or cp call means when none is named, as kubectl decides:
/// the annotation kubectl.kubernetes.io/default-container when it names a container of the pod,
/// else the first container (with a notice when there was a choice).
/// </summary>
public static class ContainerChoice
{
    public const string DefaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

    /// <summary>The container to use and, when kubectl would print one, the notice saying it was defaulted.</summary>
    internal static (string Name, string? Notice) Pick(V1Pod pod, string? requested)
    {
        var podName = pod.Metadata?.Name ?? "";
        if (!string.IsNullOrEmpty(requested))
        {
            if (!AllNames(pod).Contains(requested))
            {
                throw new KubeException($"container {requested} is not valid for pod {podName}", "KubeContainerNotFound",
                    ErrorCategory.ObjectNotFound, requested);
            }
            return (requested, null);
        }
        var containers = pod.Spec?.Containers ?? [];
        if (pod.Metadata?.Annotations?.TryGetValue(DefaultContainerAnnotation, out var annotated) == true
            && containers.Any(c => c.Name == annotated))
        {
            return (annotated, null);
        }
        if (containers.Count == 0)
        {
            throw new KubeException($"pod {pod.Metadata?.NamespaceProperty}/{podName} does not have any containers", "KubeContainerNotFound",
                ErrorCategory.ObjectNotFound, podName);
        }
        var first = containers[0].Name;
        var choice = containers.Count > 1 || (pod.Spec?.InitContainers?.Count ?? 0) > 0 || (pod.Spec?.EphemeralContainers?.Count ?? 0) > 0;
        return (first, choice ? $"Defaulted container \"{first}\" out of: {Describe(pod)}" : null);
    }

    /// <summary>Every container name: init containers, regular ones, then ephemeral ones (the order of kubectl logs --all-containers).</summary>
    internal static IReadOnlyList<string> AllNames(V1Pod pod) =>
        (pod.Spec?.InitContainers ?? []).Select(c => c.Name)
            .Concat((pod.Spec?.Containers ?? []).Select(c => c.Name))
            .Concat((pod.Spec?.EphemeralContainers ?? []).Select(c => c.Name))
            .ToList();

    /// <summary>kubectl's list for the notice: "app, sidecar, dbg (ephem), init-db (init)".</summary>
    internal static string Describe(V1Pod pod) =>
        string.Join(", ", (pod.Spec?.Containers ?? []).Select(c => c.Name)
            .Concat((pod.Spec?.EphemeralContainers ?? []).Select(c => c.Name + " (ephem)"))
            .Concat((pod.Spec?.InitContainers ?? []).Select(c => c.Name + " (init)")));
}
