using System.Globalization;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Rollout;

/// <summary>A Deployment's ReplicaSets as revisions: the revision annotation the controller writes, oldest first.</summary>
public sealed record RevisionEntry(long Revision, JsonObject ReplicaSet);

/// <summary>
/// kubectl rollout history and undo for Deployments: revisions are the ReplicaSets the Deployment
/// controls (matched by owner UID), numbered by their deployment.kubernetes.io/revision annotation;
/// rolling back copies a revision's pod template (without pod-template-hash) into the Deployment.
/// </summary>
public static class DeploymentHistory
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string ChangeCauseAnnotation = "kubernetes.io/change-cause";
    public const string PodTemplateHashLabel = "pod-template-hash";

    /// <summary>Annotations a rollback does not copy from the ReplicaSet to the Deployment (kubectl's list).</summary>
    private static readonly HashSet<string> s_notCopied =
    [
        "kubectl.kubernetes.io/last-applied-configuration",
        RevisionAnnotation,
        "deployment.kubernetes.io/revision-history",
        "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas",
        "deprecated.deployment.rollback.to",
    ];

    public static async Task<(JsonObject Deployment, IReadOnlyList<RevisionEntry> Revisions)> ReadAsync(KubeConnection connection, string? ns, string name,
        CancellationToken cancel)
    {
        var client = new KubeResourceClient(connection);
        var deployment = await client.GetJsonAsync(KindCatalog.Deployment, ns, name, cancel).ConfigureAwait(false);
        var selector = deployment["spec"]?["selector"] is JsonObject s
            ? Selectors.ToText(k8s.KubernetesJson.Deserialize<k8s.Models.V1LabelSelector>(s.ToJsonString()))
            : null;
        var sets = new List<JsonObject>();
        var options = new ListOptions { LabelSelector = selector };
        string? token = null;
        do
        {
            var page = JsonNode.Parse(await connection.Api.GetStringAsync(KindCatalog.ReplicaSet.Resource.CollectionPath(ns) + options.Query(token), cancel)
                .ConfigureAwait(false))!;
            sets.AddRange((page["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
            token = page["metadata"]?["continue"]?.GetValue<string>() is { Length: > 0 } next ? next : null;
        }
        while (token is not null);
        return (deployment, Revisions(deployment, sets));
    }

    /// <summary>The revisions among <paramref name="replicaSets"/> that belong to <paramref name="deployment"/>, oldest first.</summary>
    public static IReadOnlyList<RevisionEntry> Revisions(JsonObject deployment, IEnumerable<JsonObject> replicaSets)
    {
        var uid = deployment["metadata"]?["uid"]?.GetValue<string>();
        var result = new List<RevisionEntry>();
        foreach (var rs in replicaSets)
        {
            var owned = rs["metadata"]?["ownerReferences"] is JsonArray owners
                && owners.OfType<JsonObject>().Any(o => o["controller"]?.GetValue<bool>() == true && o["uid"]?.GetValue<string>() == uid);
            if (!owned)
                continue;
            var text = rs["metadata"]?["annotations"]?[RevisionAnnotation]?.GetValue<string>();
            if (text is null || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
                continue;
            result.Add(new RevisionEntry(revision, rs));
        }
        return result.OrderBy(r => r.Revision).ToList();
    }

    /// <summary>The revision to roll back to: <paramref name="toRevision"/>, or (0) the one before the newest.</summary>
    public static RevisionEntry Select(IReadOnlyList<RevisionEntry> revisions, long toRevision, string name)
    {
        if (revisions.Count == 0)
        {
            throw new KubeException($"no rollout history found for deployment \"{name}\"", "KubeRevisionNotFound",
                System.Management.Automation.ErrorCategory.ObjectNotFound, name);
        }
        if (toRevision == 0)
        {
            if (revisions.Count < 2)
            {
                throw new KubeException($"no previous revision found for deployment \"{name}\"", "KubeRevisionNotFound",
                    System.Management.Automation.ErrorCategory.ObjectNotFound, name);
            }
            return revisions[^2];
        }
        return revisions.FirstOrDefault(r => r.Revision == toRevision)
            ?? throw new KubeException($"unable to find specified revision {toRevision} in history", "KubeRevisionNotFound",
                System.Management.Automation.ErrorCategory.ObjectNotFound, toRevision);
    }

    /// <summary>A revision's pod template as the Deployment would carry it (without the pod-template-hash label).</summary>
    public static JsonObject TemplateOf(JsonObject replicaSet)
    {
        var template = (JsonObject)(replicaSet["spec"]?["template"]?.DeepClone() ?? new JsonObject());
        if (template["metadata"]?["labels"] is JsonObject labels)
            labels.Remove(PodTemplateHashLabel);
        return template;
    }

    /// <summary>
    /// The JSON patch a rollback sends: the revision's template, and the Deployment's annotations
    /// with the revision's copied over; null when the Deployment already runs that template.
    /// </summary>
    public static JsonArray? RollbackPatch(JsonObject deployment, JsonObject replicaSet)
    {
        var template = TemplateOf(replicaSet);
        var current = deployment["spec"]?["template"] ?? new JsonObject();
        if (JsonNode.DeepEquals(Normalize(current), Normalize(template)))
            return null;
        var annotations = (deployment["metadata"]?["annotations"] as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
        if (replicaSet["metadata"]?["annotations"] is JsonObject fromRevision)
        {
            foreach (var (key, value) in fromRevision)
            {
                if (!s_notCopied.Contains(key))
                    annotations[key] = value?.DeepClone();
            }
        }
        return new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = template },
            new JsonObject { ["op"] = "add", ["path"] = "/metadata/annotations", ["value"] = annotations });
    }

    /// <summary>Templates compare without empty maps the server may or may not keep (creationTimestamp: null and the like).</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.Where(p => p.Value is not null && p.Value is not JsonObject { Count: 0 })
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray list => new JsonArray(list.Select(Normalize).ToArray()),
        _ => node?.DeepClone(),
    };
}
