using PracticeK8s.Engine.Errors;
using YamlDotNet.RepresentationModel;

namespace PracticeK8s.Engine.Config;

/// <summary>How Import-KubeConfig treats an entry whose name the destination already uses for something else.</summary>
public enum ImportClashMode
{
    /// <summary>Refuse the whole import and list the clashes.</summary>
    Refuse,
    /// <summary>Replace the destination's entry in place.</summary>
    Overwrite,
    /// <summary>Give the imported entry a free name ("name-2", ...) and fix the references to it.</summary>
    Rename,
}

/// <summary>What an import did (or would do) per entry.</summary>
public sealed record ImportedEntry(string Section, string Name, string ImportedAs, string Action);

/// <summary>
/// Merges a downloaded kubeconfig into another: adds its clusters, users and contexts after the
/// existing ones, leaves every other entry and field untouched, and handles name clashes.
/// Identical entries are not clashes (importing twice changes nothing).
/// </summary>
public static class KubeConfigImport
{
    public static IReadOnlyList<ImportedEntry> Plan(KubeConfigDocument source, KubeConfigDocument destination, ImportClashMode mode)
    {
        var result = new List<ImportedEntry>();
        var renames = new Dictionary<(string, string), string>();
        var clashes = new List<string>();
        foreach (var section in new[] { KubeConfigDocument.Clusters, KubeConfigDocument.Users, KubeConfigDocument.Contexts })
        {
            foreach (var entry in source.Entries(section))
            {
                var existing = destination.Find(section, entry.Name);
                if (existing is null)
                {
                    result.Add(new ImportedEntry(section, entry.Name, entry.Name, "add"));
                    continue;
                }
                var incoming = section == KubeConfigDocument.Contexts ? Renamed(entry.Entry, renames) : entry.Entry;
                if (Same(existing.Entry, incoming))
                {
                    result.Add(new ImportedEntry(section, entry.Name, entry.Name, "unchanged"));
                    continue;
                }
                switch (mode)
                {
                    case ImportClashMode.Overwrite:
                        result.Add(new ImportedEntry(section, entry.Name, entry.Name, "replace"));
                        break;
                    case ImportClashMode.Rename:
                        var free = FreeName(destination, source, section, entry.Name);
                        renames[(section, entry.Name)] = free;
                        result.Add(new ImportedEntry(section, entry.Name, free, "add"));
                        break;
                    default:
                        clashes.Add($"{KubeConfigDocument.Singular(section)} \"{entry.Name}\"");
                        break;
                }
            }
        }
        if (clashes.Count > 0)
        {
            throw new KubeException(
                $"{destination.Path} already has a different {string.Join(", ", clashes)}; nothing was imported. " +
                "Use -Force to replace them or -Rename to import under new names.",
                "KubeConfigEntryExists", System.Management.Automation.ErrorCategory.ResourceExists, destination.Path);
        }
        return result;
    }

    /// <summary>Applies a plan made by <see cref="Plan"/> to the destination document (in memory).</summary>
    public static void Apply(KubeConfigDocument source, KubeConfigDocument destination, IReadOnlyList<ImportedEntry> plan)
    {
        var renames = plan.Where(p => p.ImportedAs != p.Name)
            .ToDictionary(p => (p.Section, p.Name), p => p.ImportedAs);
        foreach (var step in plan)
        {
            if (step.Action == "unchanged")
                continue;
            var entry = source.Find(step.Section, step.Name)!;
            var node = step.Section == KubeConfigDocument.Contexts ? Renamed(entry.Entry, renames) : entry.Entry;
            node = WithName(node, step.ImportedAs);
            if (step.Action == "replace")
                destination.Replace(step.Section, step.ImportedAs, node);
            else
                destination.Add(step.Section, node);
        }
    }

    /// <summary>The context a downloaded file means: its current-context, else its only context (after renames).</summary>
    public static string? ImportedContext(KubeConfigDocument source, IReadOnlyList<ImportedEntry> plan)
    {
        var name = !string.IsNullOrEmpty(source.CurrentContext) ? source.CurrentContext
            : source.Entries(KubeConfigDocument.Contexts) is { Count: 1 } only ? only[0].Name : null;
        if (name is null)
            return null;
        return plan.FirstOrDefault(p => p.Section == KubeConfigDocument.Contexts && p.Name == name)?.ImportedAs ?? name;
    }

    private static YamlMappingNode Renamed(YamlMappingNode context, IReadOnlyDictionary<(string, string), string> renames)
    {
        if (renames.Count == 0 || context.Children[new YamlScalarNode("context")] is not YamlMappingNode body)
            return context;
        var newBody = new YamlMappingNode();
        foreach (var (key, value) in body.Children)
        {
            var k = ((YamlScalarNode)key).Value;
            var section = k switch { "cluster" => KubeConfigDocument.Clusters, "user" => KubeConfigDocument.Users, _ => null };
            if (section is not null && value is YamlScalarNode { Value: { } v } && renames.TryGetValue((section, v), out var renamed))
                newBody.Add(key, new YamlScalarNode(renamed));
            else
                newBody.Add(key, value);
        }
        var copy = new YamlMappingNode();
        foreach (var (key, value) in context.Children)
            copy.Add(key, ((YamlScalarNode)key).Value == "context" ? newBody : value);
        return copy;
    }

    private static YamlMappingNode WithName(YamlMappingNode entry, string name)
    {
        var copy = new YamlMappingNode();
        foreach (var (key, value) in entry.Children)
            copy.Add(key, ((YamlScalarNode)key).Value == "name" ? new YamlScalarNode(name) : value);
        return copy;
    }

    private static string FreeName(KubeConfigDocument destination, KubeConfigDocument source, string section, string name)
    {
        for (int i = 2; ; i++)
        {
            var candidate = $"{name}-{i}";
            if (destination.Find(section, candidate) is null && source.Find(section, candidate) is null)
                return candidate;
        }
    }

    private static bool Same(YamlNode a, YamlNode b) => Canonical(a) == Canonical(b);

    private static string Canonical(YamlNode node) => node switch
    {
        YamlScalarNode s => "s:" + s.Value,
        YamlSequenceNode q => "[" + string.Join(",", q.Children.Select(Canonical)) + "]",
        YamlMappingNode m => "{" + string.Join(",", m.Children
            .Select(kv => Canonical(kv.Key) + "=" + Canonical(kv.Value)).OrderBy(x => x, StringComparer.Ordinal)) + "}",
        _ => "",
    };
}
