using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>The pod a log/exec/attach request addresses and the container it means (upstream's container validation).</summary>
public sealed record PodContainers(StoredObject Pod, JsonObject Node, string Container)
{
    public string Uid => Pod.Uid;
    public string Name => Pod.Name;
    public string? Phase => Node.Obj("status").Str("phase");

    public static PodContainers Resolve(SandboxState state, ApiRequest r)
    {
        var pod = state.Store.Get(r.Def.StorageKey, r.Namespace, r.Name) ?? throw ApiException.NotFound("pods", r.Name);
        var node = pod.ToNode();
        var spec = node.Obj("spec");
        var regular = spec.Arr("containers").Objects().Select(c => c.Str("name") ?? "").ToList();
        var all = spec.Arr("initContainers").Objects().Select(c => c.Str("name") ?? "")
            .Concat(regular)
            .Concat(spec.Arr("ephemeralContainers").Objects().Select(c => c.Str("name") ?? "")).ToList();
        var container = r.QueryString("container");
        if (container is null)
        {
            container = regular.Count switch
            {
                1 => regular[0],
                0 => throw ApiException.BadRequest($"a container name must be specified for pod {pod.Name}"),
                _ => throw ApiException.BadRequest($"a container name must be specified for pod {pod.Name}, choose one of: [{string.Join(" ", all)}]"),
            };
        }
        else if (!all.Contains(container))
            throw ApiException.BadRequest($"container {container} is not valid for pod {pod.Name}");
        return new PodContainers(pod, node, container);
    }
}
