using System.Text.Json.Nodes;
using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>
/// Seeded random Pods: every computed patch, applied here and by stock kubectl, gives the same object;
/// two-way patches reach the edited object; three-way patches reach the new configuration's values.
/// </summary>
public class StrategicMergePatchRandomTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void TwoWayPatchesReachTheEditedObject(int seed)
    {
        var pods = new RandomPods(seed);
        for (var i = 0; i < 8; i++)
        {
            var original = pods.Next();
            var edited = pods.Next();
            var patch = StrategicMergePatch.CreateTwoWay(original, edited, "v1", "Pod");

            var mine = StrategicMergePatch.Apply(original, patch, "v1", "Pod");
            var kubectl = Kubectl.PatchLocally(original, patch, "strategic");

            var context = $"seed {seed} case {i}\noriginal {original.ToJsonString()}\nedited {edited.ToJsonString()}\npatch {patch.ToJsonString()}";
            AssertSame(edited, mine, context);
            AssertSame(edited, kubectl, context);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void ThreeWayPatchesApplyAlikeAndSetTheConfiguration(int seed)
    {
        var pods = new RandomPods(seed);
        for (var i = 0; i < 8; i++)
        {
            var lastApplied = i % 3 == 0 ? null : pods.Next();
            var modified = pods.Next();
            var current = pods.Next();
            var patch = StrategicMergePatch.CreateThreeWay(lastApplied, modified, current, "v1", "Pod");

            var mine = StrategicMergePatch.Apply(current, patch, "v1", "Pod");
            var kubectl = Kubectl.PatchLocally(current, patch, "strategic");

            var context = $"seed {seed} case {i}\nlast {lastApplied?.ToJsonString()}\nmodified {modified.ToJsonString()}\ncurrent {current.ToJsonString()}\npatch {patch.ToJsonString()}";
            AssertSame(kubectl, mine, context);
            foreach (var container in modified["spec"]!["containers"]!.AsArray())
            {
                var name = container!["name"]!.GetValue<string>();
                var result = mine["spec"]!["containers"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
                Assert.True(result["image"]!.GetValue<string>() == container["image"]!.GetValue<string>(), context);
            }

            var expectedLabels = modified["metadata"]!["labels"] as JsonObject;
            foreach (var (label, value) in expectedLabels ?? [])
            {
                Assert.True(mine["metadata"]!["labels"]?[label]?.GetValue<string>() == value!.GetValue<string>(), context);
            }
        }
    }

    /// <summary>Equal once empty container lists and directive leftovers kubectl keeps in new elements are ignored.</summary>
    private static void AssertSame(JsonNode expected, JsonNode actual, string context)
    {
        var e = Normalize(expected)!.ToJsonString();
        var a = Normalize(actual)!.ToJsonString();
        Assert.True(e == a, $"{context}\nexpected {e}\nactual   {a}");
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => p.Value is not null && !p.Key.StartsWith('$') && !(p.Key == "containers" && p.Value is JsonArray { Count: 0 }))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Where(i => i is not JsonObject o || !o.ContainsKey("$patch")).Select(Normalize).ToArray()),
        _ => node?.DeepClone(),
    };
}
