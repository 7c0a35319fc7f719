using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;

namespace PracticeK8s.Sandbox.Lifecycle;

/// <summary>What an empty data dir starts with: the four standard namespaces.</summary>
public static class Bootstrap
{
    public static readonly string[] Namespaces = { "default", "kube-system", "kube-public", "kube-node-lease" };

    public static void Run(SandboxState state)
    {
        var def = state.Registry.Find("", "v1", "namespaces")!;
        var create = new CreateHandler(state);
        foreach (var ns in Namespaces)
        {
            if (state.Store.Get(def.StorageKey, "", ns) is not null) continue;
            create.CreateObject(def, null, new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns },
            }, dryRun: false);
        }
    }
}
