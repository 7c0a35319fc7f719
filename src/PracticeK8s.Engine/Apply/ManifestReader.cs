using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Engine.Apply;

/// <summary>
/// kubectl's -f input: files, directories (their *.yaml, *.yml and *.json files; with recursion
/// their subdirectories too), YAML or JSON streams split into documents, `kind: List` opened
/// into its items, empty documents dropped. A file that cannot be read as a whole — bad YAML, a
/// document that is not an object, one without apiVersion, kind or name — yields nothing at all,
/// so a half-read file is never half applied.
/// </summary>
public static class ManifestReader
{
    private static readonly string[] s_extensions = [".yaml", ".yml", ".json"];

    /// <summary>The files a path names: itself when a file (whatever its extension), else the manifests in the directory.</summary>
    public static IReadOnlyList<string> ExpandPath(string path, bool recurse)
    {
        if (File.Exists(path))
            return [path];
        if (!Directory.Exists(path))
            throw new KubeException($"the path \"{path}\" does not exist", "KubeManifestNotFound", System.Management.Automation.ErrorCategory.ObjectNotFound, path);
        var option = recurse ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        return Directory.EnumerateFiles(path, "*", option)
            .Where(f => s_extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The largest manifest file read: far beyond any real one (the API server takes at most 3 MiB
    /// per object), small enough that a hostile or mistaken path cannot exhaust memory.
    /// </summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static IReadOnlyList<ManifestObject> ReadFile(string path, string verb = "apply") =>
        Read(ReadText(path), path, isFile: true, verb);

    /// <summary>A manifest file's text, refused before it is read when it is larger than <see cref="MaxFileBytes"/>.</summary>
    public static string ReadText(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (file.Length > MaxFileBytes)
        {
            throw new KubeException($"error reading \"{path}\": the file ({file.Length} bytes) is larger than the {MaxFileBytes / (1024 * 1024)} MiB a manifest file may be",
                "KubeManifestInvalid", System.Management.Automation.ErrorCategory.InvalidData, path);
        }
        using var reader = new StreamReader(file);
        return reader.ReadToEnd();
    }

    /// <summary>The objects of one YAML/JSON stream; throws a <see cref="KubeException"/> naming the source when any part is unusable.</summary>
    public static IReadOnlyList<ManifestObject> Read(string text, string sourceName, bool isFile = false, string verb = "apply")
    {
        IReadOnlyList<(JsonObject Object, YamlDocument Document)> documents;
        try
        {
            documents = KubeYaml.JsonFromYaml(text, sourceName);
        }
        catch (KubeYamlException e)
        {
            throw new KubeException($"error parsing {(isFile ? $"\"{sourceName}\"" : sourceName)}: document {e.Document}, line {e.Line}, column {e.Column}: {e.Problem}",
                "KubeManifestInvalid", System.Management.Automation.ErrorCategory.ParserError, sourceName, e);
        }
        var result = new List<ManifestObject>();
        foreach (var (obj, document) in documents)
        {
            var source = new ManifestSource(sourceName, document.Index, document.Line, isFile);
            Check(obj, source, verb);
            result.Add(new ManifestObject(obj, source));
        }
        return result;
    }

    /// <summary>An object from the pipeline (already JSON); checked like a document.</summary>
    public static ManifestObject FromObject(JsonObject obj, ManifestSource source, string verb = "apply")
    {
        Check(obj, source, verb);
        return new ManifestObject(obj, source);
    }

    /// <summary>What kubectl refuses before sending anything.</summary>
    public static void Check(JsonObject obj, ManifestSource source, string verb = "apply")
    {
        string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        var apiVersion = Text(obj["apiVersion"]);
        var kind = Text(obj["kind"]);
        if (string.IsNullOrEmpty(kind))
            throw Invalid($"Object 'Kind' is missing in {source}", source);
        if (string.IsNullOrEmpty(apiVersion))
            throw Invalid($"Object 'apiVersion' is missing in {source}", source);
        var metadata = obj["metadata"] as JsonObject;
        var name = Text(metadata?["name"]);
        if (string.IsNullOrEmpty(name))
        {
            if (!string.IsNullOrEmpty(Text(metadata?["generateName"])))
                throw Invalid($"from {source}: cannot use generate name with {verb}", source);
            throw Invalid($"{kind} in {source} has no metadata.name", source);
        }
    }

    private static KubeException Invalid(string message, ManifestSource source) =>
        new(message, "KubeManifestInvalid", System.Management.Automation.ErrorCategory.InvalidData, source.Name);
}
