using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Changes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Engine.Scale;

/// <summary>How far a scaled workload has come: replicas the controller reports against the target.</summary>
public sealed record ScaleProgress(long Desired, long Current, long Ready, long Updated, bool Observed)
{
    public bool Done => Observed && Current == Desired && Ready == Desired && Updated >= Desired;

    /// <summary>
    /// The progress line: ready pods against the target, then the pods the controller created (Pending
    /// ones too: status.replicas counts them, so "running" would be wrong) and those updated.
    /// </summary>
    public override string ToString() => $"{Ready} of {Desired} ready ({Current} created, {Updated} updated)";

    public int PercentComplete => Desired == 0 ? 100 : (int)(Math.Min(Ready, Desired) * 100 / Desired);
}

/// <summary>
/// kubectl scale through the scale subresource: a merge patch of spec.replicas, or, with a
/// precondition (-CurrentReplicas, -ResourceVersion), GET the Scale, check and PUT it back so a
/// concurrent change fails with a conflict. Conflicts are retried every second, as kubectl does.
/// </summary>
public sealed class Scaler
{
    private static readonly TimeSpan s_conflictRetryFor = TimeSpan.FromMinutes(5);
    private readonly KubeResourceClient _client;

    public Scaler(KubeConnection connection) => _client = new KubeResourceClient(connection);

    /// <summary>The kinds with a scale subresource that the scale cmdlet accepts.</summary>
    public static readonly IReadOnlyList<ResourceKind> ScalableKinds =
        [KindCatalog.Deployment, KindCatalog.ReplicaSet, KindCatalog.StatefulSet];

    public async Task<ChangeResult> ScaleAsync(ObjectTarget target, int replicas, int? currentReplicas, string? resourceVersion,
        bool dryRun, CancellationToken cancel)
    {
        var write = new WriteQuery { DryRun = dryRun };
        var deadline = DateTime.UtcNow + s_conflictRetryFor;
        while (true)
        {
            try
            {
                if (currentReplicas is null or -1 && string.IsNullOrEmpty(resourceVersion))
                {
                    var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } };
                    await _client.PatchAsync(target.Kind, target.Namespace, target.Name, PatchTypes.Merge, patch.ToJsonString(), write, cancel, "scale")
                        .ConfigureAwait(false);
                }
                else
                {
                    var scale = await _client.GetJsonAsync(target.Kind, target.Namespace, target.Name, cancel, "scale").ConfigureAwait(false);
                    CheckPreconditions(scale, currentReplicas, resourceVersion);
                    scale["spec"] ??= new JsonObject();
                    scale["spec"]!["replicas"] = replicas;
                    await _client.ReplaceAsync(target.Kind, target.Namespace, target.Name, scale, write, cancel, "scale").ConfigureAwait(false);
                }
                break;
            }
            catch (KubeApiException e) when (e.IsConflict && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancel).ConfigureAwait(false);
            }
        }
        var updated = await _client.GetAsync(target.Kind, target.Namespace, target.Name, cancel).ConfigureAwait(false);
        return ChangeResult.Slashed(target.Kind, target.Namespace, target.Name, "scaled", dryRun ? DryRunMode.Server : DryRunMode.None, null, updated);
    }

    public static void CheckPreconditions(JsonObject scale, int? currentReplicas, string? resourceVersion)
    {
        var actualReplicas = scale["spec"]?["replicas"]?.GetValue<long>() ?? 0;
        if (currentReplicas is int expected && expected >= 0 && actualReplicas != expected)
        {
            throw new KubeException($"Expected replicas to be {expected}, was {actualReplicas}", "KubePreconditionFailed",
                System.Management.Automation.ErrorCategory.InvalidOperation, actualReplicas);
        }
        var actualVersion = scale["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(resourceVersion) && actualVersion != resourceVersion)
        {
            throw new KubeException($"Expected resource version to be {resourceVersion}, was {actualVersion}", "KubePreconditionFailed",
                System.Management.Automation.ErrorCategory.InvalidOperation, actualVersion);
        }
    }

    /// <summary>Where a Deployment, ReplicaSet or StatefulSet stands against <paramref name="desired"/> replicas.</summary>
    public static ScaleProgress ProgressOf(JsonObject obj, long desired)
    {
        long Get(string field) => obj["status"]?[field]?.GetValue<long>() ?? 0;
        var generation = obj["metadata"]?["generation"]?.GetValue<long>() ?? 0;
        var observed = obj["status"]?["observedGeneration"]?.GetValue<long>() ?? 0;
        var updated = obj["kind"]?.GetValue<string>() switch
        {
            "Deployment" => Get("updatedReplicas"),
            "StatefulSet" => obj["status"]?["updatedReplicas"] is null ? Get("replicas") : Get("updatedReplicas"),
            _ => Get("replicas"),
        };
        return new ScaleProgress(desired, Get("replicas"), Get("readyReplicas"), updated, observed >= generation);
    }

    /// <summary>Polls the workload until as many replicas as wanted are ready, or the timeout passes.</summary>
    public async Task<object> WaitReadyAsync(ObjectTarget target, long desired, TimeSpan? timeout, Action<ScaleProgress> progress, CancellationToken cancel)
    {
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        while (true)
        {
            var live = await _client.GetJsonAsync(target.Kind, target.Namespace, target.Name, cancel).ConfigureAwait(false);
            live["kind"] ??= target.Kind.Kind;
            var state = ProgressOf(live, desired);
            progress(state);
            if (state.Done)
                return KubeResourceClient.ToObject(target.Kind, live);
            if (DateTime.UtcNow >= deadline)
            {
                throw new KubeException($"timed out waiting for \"{target.Name}\" to be synced: {state.Ready} of {desired} replicas ready",
                    "KubeTimeout", System.Management.Automation.ErrorCategory.OperationTimeout, target.Describe());
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancel).ConfigureAwait(false);
        }
    }
}
