using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Lifecycle;

/// <summary>
/// Removes gracefully deleted pods once their deletionTimestamp has passed (the job the kubelet
/// does on a real node; part 3's simulated kubelet takes it over).
/// </summary>
public sealed class PodTerminator(SandboxState state, ILogger<PodTerminator> log) : PeriodicTask(log)
{
    public const string PodKey = "/pods";

    protected override void Tick()
    {
        var now = DateTime.UtcNow;
        foreach (var pod in state.Store.List(PodKey, null).Items)
        {
            if (pod.MetadataString("deletionTimestamp") is not { } ts || !DateTime.TryParse(ts, null,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at) || at > now)
                continue;
            state.Store.Write(PodKey, pod.Namespace, pod.Name, current =>
            {
                if (current is null || current.Uid != pod.Uid || !current.IsBeingDeleted) return Mutation.Unchanged;
                if (current.Finalizers.Count == 0) return Mutation.Delete;
                var node = current.ToNode();
                var meta = (System.Text.Json.Nodes.JsonObject)node["metadata"]!;
                if (meta["deletionGracePeriodSeconds"]?.GetValue<long>() == 0) return Mutation.Unchanged;
                meta["deletionGracePeriodSeconds"] = 0;
                return Mutation.Store(node);
            });
        }
    }
}
