using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Drain;

/// <summary>The result of a cordon or uncordon: kubectl's line, and the node as the server now has it.</summary>
public sealed record CordonResult(string Node, bool Unschedulable, bool Changed, bool DryRun, object? NodeObject)
{
    /// <summary>"node/n1 cordoned", "node/n1 already uncordoned", "node/n1 cordoned (server dry run)".</summary>
    public string Message => $"node/{Node} {(Changed ? "" : "already ")}{(Unschedulable ? "cordoned" : "uncordoned")}{(Changed && DryRun ? " (server dry run)" : "")}";
}

/// <summary>
/// kubectl cordon/uncordon: read the node; when spec.unschedulable already has the wanted value
/// nothing is sent; else a strategic merge patch {"spec":{"unschedulable":true}} (uncordon: null,
/// the field being omitted when false).
/// </summary>
public sealed class NodeCordon(KubeConnection connection)
{
    private readonly KubeResourceClient _client = new(connection);

    public async Task<CordonResult> SetAsync(string node, bool unschedulable, bool dryRun, CancellationToken cancel)
    {
        JsonObject current;
        try
        {
            current = await _client.GetJsonAsync(KindCatalog.Node, null, node, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            throw ObjectNotFound.Of(KindCatalog.Node, node, e);
        }
        bool now = current["spec"]?["unschedulable"]?.GetValue<bool>() ?? false;
        if (now == unschedulable)
            return new CordonResult(node, unschedulable, false, dryRun, KubeResourceClient.ToObject(KindCatalog.Node, current));
        var patch = unschedulable ? "{\"spec\":{\"unschedulable\":true}}" : "{\"spec\":{\"unschedulable\":null}}";
        var patched = await _client.PatchAsync(KindCatalog.Node, null, node, PatchTypes.StrategicMerge, patch,
            new WriteQuery { DryRun = dryRun }, cancel).ConfigureAwait(false);
        return new CordonResult(node, unschedulable, true, dryRun, KubeResourceClient.ToObject(KindCatalog.Node, patched));
    }
}
