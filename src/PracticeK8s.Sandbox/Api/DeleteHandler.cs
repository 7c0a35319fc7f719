using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Selectors;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// DELETE of one object and of collections: preconditions, graceful pod deletion, finalizers
/// (objects with finalizers only get a deletionTimestamp), propagationPolicy Foreground/Orphan
/// as the garbage collector's finalizers, dryRun, protected namespaces.
/// </summary>
public sealed class DeleteHandler(SandboxState state)
{
    public static readonly string[] ProtectedNamespaces = { "default", "kube-system", "kube-public" };

    public async Task Delete(ApiRequest r)
    {
        var options = await DeleteOptions.ReadAsync(r);
        var result = DeleteObject(r.Def, r.Namespace, r.Name, options);
        await Respond.Bytes(r.Http, 200, Resources.Conversion.ServedVersions.Served(r.Def, result).Json);
    }

    public async Task DeleteCollection(ApiRequest r)
    {
        var options = await DeleteOptions.ReadAsync(r);
        var labels = LabelSelector.Parse(r.QueryString("labelSelector"));
        var fields = FieldSelector.Parse(r.QueryString("fieldSelector"), r.Def);
        var (items, _) = state.Store.List(r.Def.StorageKey, r.Target.Namespace);
        var deleted = new List<StoredObject>();
        foreach (var o in items.Where(o => labels.Matches(o.Labels) && fields.Matches(o)))
        {
            try { deleted.Add(DeleteObject(r.Def, o.Namespace, o.Name, options)); }
            catch (ApiException e) when (e.Code == 404) { }
        }
        await Respond.Bytes(r.Http, 200, ListWriter.Write(r.Def, deleted, state.Store.CurrentResourceVersion, null, null));
    }

    /// <summary>Deletes (or starts deleting) one object; returns its final or terminating state.</summary>
    public StoredObject DeleteObject(ResourceDefinition def, string ns, string name, DeleteOptions options)
    {
        if (def is { Group: "", Plural: "namespaces" } && ProtectedNamespaces.Contains(name))
            throw ApiException.Forbidden($"namespaces \"{name}\" is forbidden: this namespace may not be deleted");
        var result = state.Store.Write(def.StorageKey, ns, name, current =>
        {
            if (current is null) throw ApiException.NotFound(def.QualifiedResource, name, def.Group);
            CheckPreconditions(def, current, options);
            var obj = current.ToNode();
            var meta = obj.Obj("metadata")!;
            var now = DateTime.UtcNow;

            if (def is { Group: "", Plural: "namespaces" })
            {
                meta.Default("deletionTimestamp", ObjectPipeline.Timestamp(now));
                meta.Default("deletionGracePeriodSeconds", 0);
                obj.Ensure("status")["phase"] = "Terminating";
                return ObjectPipeline.Commit(current, obj);
            }

            var finalizers = meta["finalizers"] as JsonArray ?? new JsonArray();
            if (!current.IsBeingDeleted)
            {
                var add = options.PropagationPolicy switch { "Foreground" => "foregroundDeletion", "Orphan" => "orphan", _ => null };
                if (add is not null && !finalizers.Any(f => f?.GetValue<string>() == add)) finalizers.Add(add);
                if (finalizers.Count > 0) meta["finalizers"] = finalizers;
            }

            if (def is { Group: "", Plural: "pods" } && GracePeriod(obj, options) is var grace && grace > 0 && IsRunningOnANode(obj))
            {
                var at = now.AddSeconds(grace);
                var existing = meta.Long("deletionGracePeriodSeconds");
                if (existing is null || grace < existing)
                {
                    meta["deletionTimestamp"] = ObjectPipeline.Timestamp(at);
                    meta["deletionGracePeriodSeconds"] = grace; // the node's kubelet stops its containers, then removes it
                }
                return ObjectPipeline.Commit(current, obj);
            }

            if (finalizers.Count > 0)
            {
                meta.Default("deletionTimestamp", ObjectPipeline.Timestamp(now));
                meta["deletionGracePeriodSeconds"] = 0;
                return ObjectPipeline.Commit(current, obj);
            }
            return Mutation.Delete;
        }, options.DryRun);
        return result.Object!;
    }

    private static long GracePeriod(JsonObject pod, DeleteOptions options) =>
        options.GracePeriodSeconds ?? pod.Obj("spec").Long("terminationGracePeriodSeconds") ?? 30;

    /// <summary>Only pods a node runs are deleted gracefully; unscheduled and finished pods go at once.</summary>
    private static bool IsRunningOnANode(JsonObject pod) =>
        !string.IsNullOrEmpty(pod.Obj("spec").Str("nodeName")) && pod.Obj("status").Str("phase") is not ("Succeeded" or "Failed");

    private static void CheckPreconditions(ResourceDefinition def, StoredObject current, DeleteOptions o)
    {
        if (o.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
            throw ApiException.Conflict(def.QualifiedResource, current.Name, def.Group,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
        if (o.PreconditionResourceVersion is { Length: > 0 } rv && rv != current.ResourceVersion.ToString())
            throw ApiException.Conflict(def.QualifiedResource, current.Name, def.Group,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current.ResourceVersion}");
    }
}
