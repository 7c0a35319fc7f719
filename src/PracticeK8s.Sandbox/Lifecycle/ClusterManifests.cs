using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;

namespace PracticeK8s.Sandbox.Lifecycle;

/// <summary>The bootstrap manifests embedded from <c>Lifecycle/Manifests/*.yaml</c>, in file order, one object per YAML document.</summary>
public static class ClusterManifests
{
    private const string Prefix = "PracticeK8s.Sandbox.Lifecycle.Manifests.";

    public static IEnumerable<JsonObject> Load()
    {
        var assembly = typeof(ClusterManifests).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            foreach (var document in SplitDocuments(reader.ReadToEnd()))
                if (YamlToJson.Convert(document) is JsonObject obj) yield return obj;
        }
    }

    private static IEnumerable<string> SplitDocuments(string yaml)
    {
        var current = new System.Text.StringBuilder();
        foreach (var line in yaml.Split('\n'))
        {
            if (line.TrimEnd() == "---")
            {
                yield return current.ToString();
                current.Clear();
            }
            else current.Append(line).Append('\n');
        }
        yield return current.ToString();
    }
}
