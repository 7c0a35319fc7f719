using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary><c>pods/binding</c>: assigns a pod to a node (spec.nodeName, condition PodScheduled=True); 409 if already bound.</summary>
public sealed class BindingHandler(SandboxState state)
{
    public async Task Bind(ApiRequest r)
    {
        var options = WriteOptions.From(r.Query);
        var binding = await RequestBody.ReadObjectAsync(r.Http.Request, r.Aborted);
        var node = binding.Obj("target").Str("name");
        if (string.IsNullOrEmpty(node))
            throw ApiException.Invalid("Binding", r.Name, "", "Binding",
                new[] { new StatusCause("FieldValueRequired", "Required value", "target.name") });
        Bind(r.Def, r.Namespace, r.Name, node, binding.Obj("metadata")?.Str("uid"), options.DryRun);
        await Respond.Json(r.Http, 201, Respond.SuccessStatus());
    }

    public void Bind(ResourceDefinition pods, string ns, string name, string node, string? uid, bool dryRun)
    {
        state.Store.Write(pods.StorageKey, ns, name, current =>
        {
            if (current is null) throw ApiException.NotFound(pods.QualifiedResource, name);
            if (uid is { Length: > 0 } && uid != current.Uid)
                throw ApiException.Conflict("pods/binding", name, "", $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
            if (current.IsBeingDeleted)
                throw ApiException.Conflict("pods/binding", name, "", $"pod {name} is being deleted, cannot be assigned to a host");
            var pod = current.ToNode();
            var spec = pod.Ensure("spec");
            if (spec.Str("nodeName") is { Length: > 0 } bound)
                throw ApiException.Conflict("pods/binding", name, "", $"pod {name} is already assigned to node \"{bound}\"");
            spec["nodeName"] = node;
            var status = pod.Ensure("status");
            var conditions = status["conditions"] as JsonArray ?? new JsonArray();
            foreach (var c in conditions.Objects().Where(c => c.Str("type") == "PodScheduled").ToList()) conditions.Remove(c);
            conditions.Add(new JsonObject
            {
                ["type"] = "PodScheduled", ["status"] = "True", ["lastProbeTime"] = null,
                ["lastTransitionTime"] = ObjectPipeline.Timestamp(DateTime.UtcNow),
            });
            status["conditions"] = conditions;
            return Mutation.Store(pod);
        }, dryRun);
    }
}
