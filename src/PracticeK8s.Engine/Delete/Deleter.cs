using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Changes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Session;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Engine.Delete;

/// <summary>An object whose deletion was accepted, with the UID to tell it from a same-name successor.</summary>
public sealed record PendingDeletion(ObjectTarget Target, string? Uid);

/// <summary>kubectl delete for one object at a time (one DELETE each, never deletecollection), and the wait until objects are gone.</summary>
public sealed class Deleter
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(500);
    private readonly KubeResourceClient _client;

    public Deleter(KubeConnection connection) => _client = new KubeResourceClient(connection);

    /// <summary>Deletes one object; null when it was not there and <paramref name="ignoreNotFound"/> is set.</summary>
    public async Task<(ChangeResult Result, PendingDeletion Pending)?> DeleteAsync(ObjectTarget target, DeletePolicy policy, bool ignoreNotFound,
        string? source, CancellationToken cancel)
    {
        JsonObject answer;
        try
        {
            answer = await _client.DeleteAsync(target.Kind, target.Namespace, target.Name, policy.Options, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound && ignoreNotFound)
        {
            return null;
        }
        catch (KubeException e) when (source is not null)
        {
            throw new KubeException($"error when deleting {target.Slashed} from {source}: {e.Message}", e.ErrorId, e.Category, target.Describe(), e);
        }
        // The answer is the object (graceful deletion, finalizers) or a Status whose details carry the UID.
        var uid = answer["kind"]?.GetValue<string>() == "Status"
            ? answer["details"]?["uid"]?.GetValue<string>()
            : answer["metadata"]?["uid"]?.GetValue<string>();
        var obj = answer["kind"]?.GetValue<string>() == "Status" ? null : KubeResourceClient.ToObject(target.Kind, answer);
        var dryRun = policy.Options.DryRun ? DryRunMode.Server : DryRunMode.None;
        return (ChangeResult.Quoted(target.Kind, target.Namespace, target.Name, policy.Action, dryRun, source, obj), new PendingDeletion(target, uid));
    }

    /// <summary>
    /// Waits until every object is gone (404, or a new object of the same name with another UID),
    /// reporting (gone, total) after each round; null <paramref name="timeout"/> waits until cancelled.
    /// </summary>
    public async Task WaitGoneAsync(IReadOnlyList<PendingDeletion> pending, TimeSpan? timeout, Action<int, int, PendingDeletion?> progress, CancellationToken cancel)
    {
        var remaining = pending.ToList();
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        while (true)
        {
            foreach (var item in remaining.ToList())
            {
                if (await IsGoneAsync(item, cancel).ConfigureAwait(false))
                    remaining.Remove(item);
            }
            progress(pending.Count - remaining.Count, pending.Count, remaining.FirstOrDefault());
            if (remaining.Count == 0)
                return;
            if (DateTime.UtcNow >= deadline)
            {
                var names = string.Join(", ", remaining.Select(r => r.Target.Slashed));
                throw new KubeException($"timed out waiting for the deletion of {names}", "KubeTimeout",
                    System.Management.Automation.ErrorCategory.OperationTimeout, names);
            }
            await Task.Delay(s_pollInterval, cancel).ConfigureAwait(false);
        }
    }

    private async Task<bool> IsGoneAsync(PendingDeletion item, CancellationToken cancel)
    {
        try
        {
            var live = await _client.GetJsonAsync(item.Target.Kind, item.Target.Namespace, item.Target.Name, cancel).ConfigureAwait(false);
            return item.Uid is not null && live["metadata"]?["uid"]?.GetValue<string>() != item.Uid;
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return true;
        }
        catch (KubeApiException e) when ((int)e.StatusCode is 403 or 405)
        {
            return true;   // kubectl ignores Forbidden/MethodNotSupported while waiting
        }
    }
}
