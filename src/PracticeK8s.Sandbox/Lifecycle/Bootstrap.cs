using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Lifecycle;

/// <summary>
/// What an empty data dir starts with: the four standard namespaces and, the first time, a cluster
/// like the course's — worker nodes (their kubelets fill in the status), the <c>kubernetes</c>
/// Service, storage classes, and kube-system's accounts, DNS service and workloads
/// (<c>Manifests/*.yaml</c>), whose pods the controllers then create.
/// </summary>
public static class Bootstrap
{
    public static readonly string[] Namespaces = { "default", "kube-system", "kube-public", "kube-node-lease" };

    public static void Run(SandboxState state, ClusterSettings? settings = null)
    {
        var def = state.Registry.Find("", "v1", "namespaces")!;
        var create = new CreateHandler(state);
        var fresh = state.Store.Get(def.StorageKey, "", "kube-system") is null;
        foreach (var ns in Namespaces)
        {
            if (state.Store.Get(def.StorageKey, "", ns) is not null) continue;
            create.CreateObject(def, null, new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns },
            }, dryRun: false);
        }
        if (!fresh || settings is null) return;
        var nodes = state.Registry.Find("", "v1", "nodes")!;
        foreach (var node in BootstrapNodes.Create(settings.NodeCount))
            create.CreateObject(nodes, null, node, dryRun: false);
        foreach (var obj in ClusterManifests.Load())
        {
            var (group, version) = SplitApiVersion(obj.Str("apiVersion")!);
            var kind = obj.Str("kind");
            var target = state.Registry.All.First(d => d.Group == group && d.Version == version && d.Kind == kind);
            create.CreateObject(target, target.Namespaced ? obj.Obj("metadata")!.Str("namespace") : null, obj, dryRun: false);
        }
    }

    private static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }
}
