using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Selectors;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Policy;

/// <summary>
/// The status the disruption controller keeps on a PodDisruptionBudget, computed from the pods it
/// selects: currentHealthy (ready, not being deleted, not just evicted), desiredHealthy (minAvailable,
/// or expected − maxUnavailable; percentages round up), expectedPods (the owning controllers' replicas
/// when a percentage or maxUnavailable needs them, else the matching pods), disruptionsAllowed, the
/// DisruptionAllowed condition. Used by the eviction handler (and any controller that maintains PDBs).
/// </summary>
public static class DisruptionBudgetStatus
{
    /// <summary>How long an evicted pod still counts as "being disrupted" before the controller forgets it.</summary>
    public static readonly TimeSpan DeletionTimeout = TimeSpan.FromMinutes(2);

    public sealed record Counts(int CurrentHealthy, int DesiredHealthy, int ExpectedPods, int DisruptionsAllowed);

    /// <summary>The pods of <paramref name="pdb"/>'s namespace its selector matches (a missing selector matches none).</summary>
    public static List<StoredObject> SelectedPods(ObjectStore store, JsonObject pdb)
    {
        var ns = pdb.Obj("metadata").Str("namespace") ?? "";
        if (pdb.Obj("spec")?["selector"] is not JsonObject selector) return new List<StoredObject>();
        var labels = LabelSelector.Parse(Scale.SelectorString(selector));
        return store.List("/pods", ns).Items.Where(p => labels.Matches(p.Labels)).ToList();
    }

    public static Counts Compute(ObjectStore store, JsonObject pdb, IReadOnlyList<StoredObject> pods, DateTime now)
    {
        var spec = pdb.Obj("spec");
        var disrupted = DisruptedPods(pdb, now);
        var current = pods.Count(p => !p.IsBeingDeleted && !disrupted.Contains(p.Name) && IsReady(p));
        int expected, desired;
        if (spec?["minAvailable"] is { } min && !IsPercent(min, out _))
        {
            expected = pods.Count;
            desired = IntValue(min);
        }
        else if (spec?["minAvailable"] is { } minPercent && IsPercent(minPercent, out var pct))
        {
            expected = ExpectedFromControllers(store, pods);
            desired = (int)Math.Ceiling(pct * expected / 100.0);
        }
        else if (spec?["maxUnavailable"] is { } max)
        {
            expected = ExpectedFromControllers(store, pods);
            var unavailable = IsPercent(max, out var mpct) ? (int)Math.Ceiling(mpct * expected / 100.0) : IntValue(max);
            desired = Math.Max(0, expected - unavailable);
        }
        else
        {
            expected = pods.Count;
            desired = 0;
        }
        return new Counts(current, desired, expected, Math.Max(0, current - desired));
    }

    /// <summary>The status object for <paramref name="counts"/>, keeping the PDB's disruptedPods and condition transition time.</summary>
    public static JsonObject Status(JsonObject pdb, Counts counts, DateTime now)
    {
        var old = pdb.Obj("status");
        var allowed = counts.DisruptionsAllowed > 0;
        var generation = pdb.Obj("metadata").Long("generation") ?? 1;
        var oldCondition = old?.Arr("conditions").Objects().FirstOrDefault(c => c.Str("type") == "DisruptionAllowed");
        var statusText = allowed ? "True" : "False";
        var transition = oldCondition?.Str("status") == statusText && oldCondition.Str("lastTransitionTime") is { } t ? t : ObjectPipeline.Timestamp(now);
        var status = new JsonObject
        {
            ["observedGeneration"] = generation,
            ["disruptionsAllowed"] = counts.DisruptionsAllowed,
            ["currentHealthy"] = counts.CurrentHealthy,
            ["desiredHealthy"] = counts.DesiredHealthy,
            ["expectedPods"] = counts.ExpectedPods,
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "DisruptionAllowed",
                ["status"] = statusText,
                ["observedGeneration"] = generation,
                ["lastTransitionTime"] = transition,
                ["reason"] = allowed ? "SufficientPods" : "InsufficientPods",
                ["message"] = "",
            }),
        };
        var disrupted = new JsonObject();
        foreach (var (name, at) in old.Obj("disruptedPods") ?? new JsonObject())
            if (at is not null && Parse(at.GetValue<string>()) + DeletionTimeout > now) disrupted[name] = at.DeepClone();
        if (disrupted.Count > 0) status["disruptedPods"] = disrupted;
        return status;
    }

    public static bool IsReady(StoredObject pod) =>
        pod.Root.TryGetProperty("status", out var s) && s.TryGetProperty("conditions", out var conditions) && conditions.ValueKind == JsonValueKind.Array
        && conditions.EnumerateArray().Any(c => c.TryGetProperty("type", out var type) && type.GetString() == "Ready"
                                                && c.TryGetProperty("status", out var st) && st.GetString() == "True");

    private static HashSet<string> DisruptedPods(JsonObject pdb, DateTime now)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, at) in pdb.Obj("status")?.Obj("disruptedPods") ?? new JsonObject())
            if (at is not null && Parse(at.GetValue<string>()) + DeletionTimeout > now) set.Add(name);
        return set;
    }

    private static DateTime Parse(string time) =>
        DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static int IntValue(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? (int.TryParse(s, out var n) ? n : 0) : (int)(value.AsValue().GetValue<long>());

    private static bool IsPercent(JsonNode value, out int percent)
    {
        percent = 0;
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            if (s.EndsWith('%') && int.TryParse(s[..^1], out percent)) return true;
            if (int.TryParse(s, out _)) return false;
        }
        return false;
    }

    /// <summary>Sum of the replicas of the pods' owning controllers (ReplicaSet, StatefulSet, ReplicationController); pods without one count themselves.</summary>
    private static int ExpectedFromControllers(ObjectStore store, IReadOnlyList<StoredObject> pods)
    {
        var seen = new HashSet<string>();
        int total = 0;
        foreach (var pod in pods)
        {
            var owner = Controller(pod);
            if (owner is null) { total++; continue; }
            var (kind, name, uid) = owner.Value;
            if (!seen.Add(uid)) continue;
            var key = kind switch { "ReplicaSet" => "apps/replicasets", "StatefulSet" => "apps/statefulsets", "ReplicationController" => "/replicationcontrollers", _ => null };
            var replicas = key is null ? null : store.Get(key, pod.Namespace, name)?.ToNode().Obj("spec").Long("replicas");
            total += (int)(replicas ?? 1);
        }
        return total;
    }

    private static (string Kind, string Name, string Uid)? Controller(StoredObject pod)
    {
        if (!pod.Metadata.TryGetProperty("ownerReferences", out var refs) || refs.ValueKind != JsonValueKind.Array) return null;
        foreach (var r in refs.EnumerateArray())
            if (r.TryGetProperty("controller", out var c) && c.ValueKind == JsonValueKind.True)
                return (r.GetProperty("kind").GetString() ?? "", r.GetProperty("name").GetString() ?? "", r.GetProperty("uid").GetString() ?? "");
        return null;
    }
}
