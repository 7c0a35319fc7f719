using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PracticeK8s.Sandbox.OpenApi.Documentation;

/// <summary>
/// Descriptions for the OpenAPI documents, read from the XML doc comments that ship with
/// KubernetesClient (KubernetesClient.xml beside its dll, copied to the sandbox's output by
/// CopyDocumentationFilesFromPackages). The comments carry the upstream Go doc text of every
/// model type and property, and of every query parameter of the generated operations.
/// Without the file every description is empty; the documents stay valid.
/// </summary>
internal sealed class ModelDocumentation
{
    private const string ModelPrefix = "k8s.Models.";
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parameters = new(StringComparer.Ordinal);

    private static readonly Lazy<ModelDocumentation> Shared = new(() => Load(FindFile()));

    public static ModelDocumentation Instance => Shared.Value;

    /// <summary>Where the XML file was read from, or null when none was found.</summary>
    public string? SourcePath { get; private init; }

    public string? ForType(Type modelType) =>
        _types.GetValueOrDefault(modelType.Name);

    public string? ForProperty(Type modelType, string clrPropertyName) =>
        _properties.GetValueOrDefault(modelType.Name + "." + clrPropertyName);

    /// <summary>The description of an operation's query parameter (dryRun, fieldManager, ...).</summary>
    public string? ForParameter(string name) => _parameters.GetValueOrDefault(name);

    internal static string? FindFile()
    {
        var candidates = new List<string>();
        var location = typeof(k8s.Models.V1Pod).Assembly.Location;
        if (!string.IsNullOrEmpty(location))
            candidates.Add(Path.ChangeExtension(location, ".xml"));
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "KubernetesClient.xml"));
        return candidates.FirstOrDefault(File.Exists);
    }

    internal static ModelDocumentation Load(string? path)
    {
        var docs = new ModelDocumentation { SourcePath = path };
        if (path is null) return docs;

        using var reader = XmlReader.Create(path, new XmlReaderSettings { IgnoreComments = true, DtdProcessing = DtdProcessing.Ignore });
        while (reader.ReadToFollowing("member"))
        {
            var name = reader.GetAttribute("name");
            if (name is null) continue;
            if (name.StartsWith("T:" + ModelPrefix, StringComparison.Ordinal) ||
                name.StartsWith("P:" + ModelPrefix, StringComparison.Ordinal))
            {
                var member = (XElement)XNode.ReadFrom(reader);
                var summary = Normalise(member.Element("summary")?.Value);
                if (summary is null) continue;
                var key = name[(2 + ModelPrefix.Length)..];
                (name[0] == 'T' ? docs._types : docs._properties).TryAdd(key, summary);
            }
            else if (name.StartsWith("M:k8s.I", StringComparison.Ordinal) && name.Contains("Operations.", StringComparison.Ordinal))
            {
                var member = (XElement)XNode.ReadFrom(reader);
                foreach (var param in member.Elements("param"))
                {
                    var paramName = ParameterName(param.Attribute("name")?.Value);
                    var text = Normalise(param.Value);
                    if (paramName is not null && text is not null)
                        docs._parameters.TryAdd(paramName, text);
                }
            }
        }
        return docs;
    }

    // The generated C# names avoid keywords: namespaceParameter, continueParameter.
    private static string? ParameterName(string? csharpName) =>
        csharpName?.Trim() switch
        {
            null or "" => null,
            var n when n.EndsWith("Parameter", StringComparison.Ordinal) => n[..^"Parameter".Length],
            var n => n,
        };

    /// <summary>
    /// The XML wraps the Go doc text at ~80 columns; lines of one paragraph are joined with a
    /// space and paragraphs (blank lines) are kept as "\n\n", as upstream writes them.
    /// </summary>
    internal static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Length > 0) { paragraphs.Add(current.ToString()); current.Clear(); }
                continue;
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(line);
        }
        if (current.Length > 0) paragraphs.Add(current.ToString());
        return paragraphs.Count == 0 ? null : string.Join("\n\n", paragraphs);
    }
}
