using System.Globalization;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Changes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Engine.Rollout;

/// <summary>kubectl rollout status, restart, history and undo for Deployments.</summary>
public sealed class DeploymentRollouts
{
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(500);
    private readonly KubeConnection _connection;
    private readonly KubeResourceClient _client;

    public DeploymentRollouts(KubeConnection connection)
    {
        _connection = connection;
        _client = new KubeResourceClient(connection);
    }

    private static ResourceKind Kind => KindCatalog.Deployment;

    /// <summary>Polls until the rollout is complete; each state goes to <paramref name="progress"/>. Fails on a missed progress deadline or the timeout.</summary>
    public async Task<ChangeResult> WaitAsync(ObjectTarget target, TimeSpan? timeout, Action<RolloutState> progress, CancellationToken cancel)
    {
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        while (true)
        {
            var live = await _client.GetJsonAsync(Kind, target.Namespace, target.Name, cancel).ConfigureAwait(false);
            var state = DeploymentRolloutStatus.Evaluate(live);
            progress(state);
            if (state.Done)
                return ChangeResult.WithMessage(state.Message, Kind, target.Namespace, target.Name, "rolled out", KubeResourceClient.ToObject(Kind, live));
            if (DateTime.UtcNow >= deadline)
            {
                throw new KubeException($"timed out waiting for the rollout of deployment \"{target.Name}\": {state.Message}", "KubeTimeout",
                    System.Management.Automation.ErrorCategory.OperationTimeout, target.Describe());
            }
            await Task.Delay(s_pollInterval, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>Go's RFC 3339 text of a time ("2024-05-01T10:00:00+02:00", "Z" at UTC), as kubectl stamps restartedAt.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static JsonObject RestartPatch(DateTimeOffset now) => new()
    {
        ["spec"] = new JsonObject
        {
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RestartedAtAnnotation] = Rfc3339(now) } },
            },
        },
    };

    public async Task<ChangeResult> RestartAsync(ObjectTarget target, DateTimeOffset now, bool dryRun, CancellationToken cancel)
    {
        var live = await _client.GetJsonAsync(Kind, target.Namespace, target.Name, cancel).ConfigureAwait(false);
        if (live["spec"]?["paused"]?.GetValue<bool>() == true)
        {
            throw new KubeException($"deployments.apps \"{target.Name}\" can't restart paused deployment (run rollout resume first)", "KubeDeploymentPaused",
                System.Management.Automation.ErrorCategory.InvalidOperation, target.Describe());
        }
        var patched = await _client.PatchAsync(Kind, target.Namespace, target.Name, PatchTypes.StrategicMerge, RestartPatch(now).ToJsonString(),
            new WriteQuery { FieldManager = "kubectl-rollout", DryRun = dryRun }, cancel).ConfigureAwait(false);
        return ChangeResult.Slashed(Kind, target.Namespace, target.Name, "restarted", dryRun ? DryRunMode.Server : DryRunMode.None, null,
            KubeResourceClient.ToObject(Kind, patched));
    }

    public async Task<IReadOnlyList<RolloutRevision>> HistoryAsync(ObjectTarget target, CancellationToken cancel)
    {
        var (_, revisions) = await DeploymentHistory.ReadAsync(_connection, target.Namespace, target.Name, cancel).ConfigureAwait(false);
        var newest = revisions.Count == 0 ? 0 : revisions[^1].Revision;
        return revisions.Select(r => new RolloutRevision(target.Name, target.Namespace, r.Revision,
                r.ReplicaSet["metadata"]?["annotations"]?[DeploymentHistory.ChangeCauseAnnotation]?.GetValue<string>(),
                r.ReplicaSet["metadata"]?["name"]?.GetValue<string>() ?? "",
                k8s.KubernetesJson.Deserialize<k8s.Models.V1PodTemplateSpec>(DeploymentHistory.TemplateOf(r.ReplicaSet).ToJsonString()),
                r.Revision == newest))
            .ToList();
    }

    public async Task<ChangeResult> UndoAsync(ObjectTarget target, long toRevision, bool dryRun, CancellationToken cancel)
    {
        var (deployment, revisions) = await DeploymentHistory.ReadAsync(_connection, target.Namespace, target.Name, cancel).ConfigureAwait(false);
        if (deployment["spec"]?["paused"]?.GetValue<bool>() == true)
        {
            throw new KubeException("you cannot rollback a paused deployment; resume it first and try again", "KubeDeploymentPaused",
                System.Management.Automation.ErrorCategory.InvalidOperation, target.Describe());
        }
        var chosen = DeploymentHistory.Select(revisions, toRevision, target.Name);
        var patch = DeploymentHistory.RollbackPatch(deployment, chosen.ReplicaSet);
        var mode = dryRun ? DryRunMode.Server : DryRunMode.None;
        if (patch is null)
        {
            return ChangeResult.Slashed(Kind, target.Namespace, target.Name,
                $"skipped rollback (current template already matches revision {chosen.Revision})", mode, null, KubeResourceClient.ToObject(Kind, deployment));
        }
        var patched = await _client.PatchAsync(Kind, target.Namespace, target.Name, PatchTypes.Json, patch.ToJsonString(),
            new WriteQuery { DryRun = dryRun }, cancel).ConfigureAwait(false);
        return ChangeResult.Slashed(Kind, target.Namespace, target.Name, "rolled back", mode, null, KubeResourceClient.ToObject(Kind, patched));
    }
}
