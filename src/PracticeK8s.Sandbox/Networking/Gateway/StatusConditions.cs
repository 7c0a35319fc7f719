using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>
/// metav1.Condition lists as Gateway API controllers write them: observedGeneration on each, and a
/// lastTransitionTime kept from the previous list while the status stays the same.
/// </summary>
public static class StatusConditions
{
    public static JsonArray Build(IEnumerable<ConditionResult> conditions, long generation, JsonArray? previous, DateTime nowUtc)
    {
        var array = new JsonArray();
        foreach (var c in conditions)
        {
            var status = c.Status ? "True" : "False";
            var before = previous.Objects().FirstOrDefault(p => p.Str("type") == c.Type);
            var since = before is not null && before.Str("status") == status ? before.Str("lastTransitionTime") : null;
            array.Add(new JsonObject
            {
                ["type"] = c.Type, ["status"] = status, ["reason"] = c.Reason, ["message"] = c.Message,
                ["lastTransitionTime"] = since ?? ObjectPipeline.Timestamp(nowUtc), ["observedGeneration"] = generation,
            });
        }
        return array;
    }
}
