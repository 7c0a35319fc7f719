using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>ownerReferences: the controller reference of an object, and building/adopting/releasing them.</summary>
public static class OwnerReferences
{
    public static V1OwnerReference? ControllerOf(V1ObjectMeta? meta) =>
        meta?.OwnerReferences?.FirstOrDefault(r => r.Controller == true);

    public static bool IsControlledBy(V1ObjectMeta? meta, string ownerUid) => ControllerOf(meta)?.Uid == ownerUid;

    /// <summary>The controller reference an owner puts on what it creates (blockOwnerDeletion as upstream).</summary>
    public static JsonObject ControllerRef(StoredObject owner) => new()
    {
        ["apiVersion"] = owner.Root.GetProperty("apiVersion").GetString(),
        ["kind"] = owner.Root.GetProperty("kind").GetString(),
        ["name"] = owner.Name,
        ["uid"] = owner.Uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    /// <summary>Adds <paramref name="owner"/> as controller of <paramref name="node"/> (adoption of an orphan).</summary>
    public static void Adopt(JsonObject node, StoredObject owner)
    {
        var meta = node.Ensure("metadata");
        var refs = meta["ownerReferences"] as JsonArray ?? new JsonArray();
        if (refs.Objects().Any(r => r.Bool("controller") == true)) return;
        refs.Add(ControllerRef(owner));
        meta["ownerReferences"] = refs;
    }

    /// <summary>Drops <paramref name="ownerUid"/> from <paramref name="node"/>'s ownerReferences (release).</summary>
    public static void Release(JsonObject node, string ownerUid)
    {
        var meta = node.Ensure("metadata");
        if (meta["ownerReferences"] is not JsonArray refs) return;
        foreach (var r in refs.Objects().Where(r => r.Str("uid") == ownerUid).ToList()) refs.Remove(r);
        if (refs.Count == 0) meta.Remove("ownerReferences");
    }
}
