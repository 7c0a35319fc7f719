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

    public static async Task<V1Pod> CreateBound(Kubernetes client, string ns, string name, string restartPolicy, params V1Container[] containers)
    {
        return await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
            Spec = new V1PodSpec { NodeName = "node-1", RestartPolicy = restartPolicy, Containers = containers.ToList(), TerminationGracePeriodSeconds = 2 },
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
