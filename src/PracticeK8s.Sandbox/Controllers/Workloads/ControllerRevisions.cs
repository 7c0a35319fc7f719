using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>
/// The template history of DaemonSets and StatefulSets as apps/v1 ControllerRevisions
/// (<c>&lt;owner&gt;-&lt;hash&gt;</c>, data = the template as a replace patch, revision numbers
/// increasing; going back to an earlier template renumbers its revision), pruned to revisionHistoryLimit.
/// </summary>
public sealed class ControllerRevisions(ClusterAccess cluster)
{
    public const string Key = "apps/controllerrevisions";
    public const string HashLabel = "controller-revision-hash";

    /// <summary>The revision of the owner's current template (created or renumbered as needed): its name, hash and number.</summary>
    public (string Name, string Hash, long Number)? Current(StoredObject owner, IReadOnlyDictionary<string, string>? ownerSelectorLabels, int historyLimit)
    {
        var template = PodTemplates.TemplateOf(owner);
        var mine = cluster.List<V1ControllerRevision>(Key, owner.Namespace)
            .Where(r => OwnerReferences.IsControlledBy(r.Model.Metadata, owner.Uid)).OrderBy(r => Number(r)).ToList();
        var max = mine.Select(r => Number(r)).DefaultIfEmpty(0).Max();
        var match = mine.FirstOrDefault(r => PodTemplates.EqualIgnoringHash(TemplateOfRevision(r.Stored), template));
        if (match is not null)
        {
            if (Number(match) < max) cluster.Mutate(match.Stored, n => n["revision"] = max + 1);
            var number = Number(match) < max ? max + 1 : Number(match);
            Prune(mine.Where(r => r != match).ToList(), historyLimit);
            return (match.Name, match.Model.Metadata.Label(HashLabel) ?? PodTemplates.Hash(template), number);
        }
        var hash = PodTemplates.Hash(template);
        var labels = new JsonObject();
        foreach (var (k, v) in ownerSelectorLabels ?? new Dictionary<string, string>()) labels[k] = v;
        labels[HashLabel] = hash;
        var patchTemplate = template.DeepClone().AsObject();
        patchTemplate["$patch"] = "replace";
        var revision = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ControllerRevision",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{owner.Name}-{hash}",
                ["namespace"] = owner.Namespace,
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(OwnerReferences.ControllerRef(owner)),
            },
            ["data"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = patchTemplate } },
            ["revision"] = max + 1,
        };
        try { cluster.CreateOrThrow(Key, revision); }
        catch (ApiException) { return null; } // a name collision: tried again on the next pass
        Prune(mine, historyLimit);
        return ($"{owner.Name}-{hash}", hash, max + 1);
    }

    private static long Number(Live<V1ControllerRevision> r) => r.Model.Revision ?? 0;

    private void Prune(List<Live<V1ControllerRevision>> older, int limit)
    {
        foreach (var r in older.OrderBy(r => Number(r)).Take(Math.Max(0, older.Count - limit)))
            cluster.Delete(r.Stored);
    }

    private static JsonObject? TemplateOfRevision(StoredObject revision)
    {
        var t = revision.ToNode().Obj("data")?.Obj("spec")?.Obj("template");
        t?.Remove("$patch");
        return t;
    }
}
