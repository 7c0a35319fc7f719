using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>Describe pieces shared by many kinds: labels, annotations, selectors, tolerations, taints, events.</summary>
internal static class Common
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";
    private const int MaxAnnotationLength = 140;

    /// <summary>Sorted "k=v" lines.</summary>
    public static IReadOnlyList<string> LabelLines(IDictionary<string, string>? labels) =>
        (labels ?? new Dictionary<string, string>()).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}").ToArray();

    /// <summary>"Labels:" TAB k=v, one label per line.</summary>
    public static void Labels(DescribeBuilder w, string title, IDictionary<string, string>? labels, int indent = 0) =>
        w.MultiLine(indent, title, LabelLines(labels));

    /// <summary>
    /// "Annotations:" TAB "key: value" lines, sorted, without last-applied-configuration; long or multi-line values
    /// print "key:" then each line indented by two spaces, cut to 138 characters.
    /// </summary>
    public static void Annotations(DescribeBuilder w, string title, IDictionary<string, string>? annotations, int indent = 0)
    {
        var lines = new List<string>();
        foreach (var (key, raw) in (annotations ?? new Dictionary<string, string>())
                     .Where(a => a.Key != LastAppliedAnnotation).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var value = (raw ?? "").EndsWith('\n') ? raw![..^1] : raw ?? "";
            if (value.Length + key.Length + 2 > MaxAnnotationLength || value.Contains('\n'))
            {
                lines.Add($"{key}:");
                lines.AddRange(value.Split('\n').Select(line => "  " + Shorten(line, MaxAnnotationLength - 2)));
            }
            else
            {
                lines.Add($"{key}: {value}");
            }
        }
        w.MultiLine(indent, title, lines);
    }

    private static string Shorten(string text, int max) => text.Length > max ? text[..max] + "..." : text;

    /// <summary>Taints as "key[=value]:Effect", sorted by effect then key.</summary>
    public static void Taints(DescribeBuilder w, string title, IList<V1Taint>? taints) =>
        w.MultiLine(0, title, (taints ?? []).OrderBy(t => $"{t.Effect},{t.Key}", StringComparer.Ordinal)
            .Select(t => string.IsNullOrEmpty(t.Value) ? $"{t.Key}:{t.Effect}" : $"{t.Key}={t.Value}:{t.Effect}").ToArray());

    /// <summary>Tolerations as "key[=value][:Effect][ op=Exists][ for Ns]", sorted by key.</summary>
    public static void Tolerations(DescribeBuilder w, string title, IList<V1Toleration>? tolerations, int indent = 0) =>
        w.MultiLine(indent, title, (tolerations ?? []).OrderBy(t => t.Key ?? "", StringComparer.Ordinal).Select(Toleration).ToArray());

    private static string Toleration(V1Toleration t)
    {
        var text = t.Key ?? "";
        if (!string.IsNullOrEmpty(t.Value)) text += "=" + t.Value;
        if (!string.IsNullOrEmpty(t.Effect)) text += ":" + t.Effect;
        if (t.OperatorProperty == "Exists" && string.IsNullOrEmpty(t.Value))
            text += !string.IsNullOrEmpty(t.Key) || !string.IsNullOrEmpty(t.Effect) ? " op=Exists" : "op=Exists";
        if (t.TolerationSeconds is long seconds) text += $" for {seconds}s";
        return text;
    }

    /// <summary>"Kind/name" of the controller owner reference, or null.</summary>
    public static string? ControlledBy(V1ObjectMeta? metadata) =>
        metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true) is { } owner ? $"{owner.Kind}/{owner.Name}" : null;

    /// <summary>The selector's string form, as kubectl prints a parsed selector (empty when it selects everything).</summary>
    public static string Selector(V1LabelSelector? selector) => KubeFormat.LabelSelectorString(selector) ?? "<error>";

    /// <summary>Go's %v of a string slice: "[a b]".</summary>
    public static string GoList(IEnumerable<string>? items) => "[" + string.Join(" ", items ?? []) + "]";

    /// <summary>Go's %v of a bool.</summary>
    public static string GoBool(bool value) => value ? "true" : "false";

    /// <summary>The pods the owner controls (by uid, or kind and name when it has none), counted by phase: "a Running / b Waiting / c Succeeded / d Failed".</summary>
    public static string PodsStatus(IReadOnlyList<V1Pod>? pods, V1ObjectMeta? owner, string ownerKind)
    {
        int running = 0, waiting = 0, succeeded = 0, failed = 0;
        foreach (var pod in pods ?? [])
        {
            var controller = pod.Metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
            if (controller is null) continue;
            bool ours = !string.IsNullOrEmpty(owner?.Uid)
                ? controller.Uid == owner.Uid
                : controller.Kind == ownerKind && controller.Name == owner?.Name;
            if (!ours) continue;
            switch (pod.Status?.Phase)
            {
                case "Running": running++; break;
                case "Pending": waiting++; break;
                case "Succeeded": succeeded++; break;
                case "Failed": failed++; break;
            }
        }
        return $"{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed";
    }
}
