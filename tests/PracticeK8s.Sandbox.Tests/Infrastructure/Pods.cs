using k8s.Autorest;
using k8s.Models;

namespace PracticeK8s.Sandbox.Tests.Infrastructure;

/// <summary>Pods bound to a node by hand (so the runtime starts their containers) and waiting for their output.</summary>
public static class Pods
{
    public static V1Container Container(string name, string image, params string[] command) => new()
    {
        Name = name, Image = image, Command = command.Length > 0 ? command.ToList() : null,
    };

    /// <summary>A schedulerName nobody serves: such a pod stays unscheduled (Pending).</summary>
    public const string NoScheduler = "example.com/no-scheduler";

    /// <summary>A node whose containers run: the cluster's first node, or (no nodes registered) any name the runtime's start hook serves.</summary>
    public static async Task<string> RunningNode(Kubernetes client) =>
        (await client.CoreV1.ListNodeAsync()).Items.Select(n => n.Metadata.Name).OrderBy(n => n, StringComparer.Ordinal).FirstOrDefault() ?? "node-1";

    public static async Task<V1Pod> CreateBound(Kubernetes client, string ns, string name, string restartPolicy, params V1Container[] containers)
    {
        return await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
            Spec = new V1PodSpec
            {
                NodeName = await RunningNode(client), RestartPolicy = restartPolicy, Containers = containers.ToList(), TerminationGracePeriodSeconds = 2,
            },
        }, ns);
    }

    /// <summary>Reads the log until <paramref name="until"/> holds (the container may still be starting).</summary>
    public static async Task<string> WaitForLog(Kubernetes client, string ns, string pod, string? container, Func<string, bool> until,
        bool previous = false, double seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(pod, ns, container: container, previous: previous);
                last = await new StreamReader(stream).ReadToEndAsync();
                if (until(last)) return last;
            }
            catch (HttpOperationException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException($"log of {ns}/{pod} never matched; last: {last}");
    }
}
