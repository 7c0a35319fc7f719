using System.Management.Automation;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Yaml;

/// <summary>
/// YAML that cannot be read: names the source (file), the document (1-based), line and column. Its
/// error id is KubeManifestInvalid, the same as every other unusable manifest.
/// </summary>
public sealed class KubeYamlException : KubeException
{
    public KubeYamlException(string source, int document, int line, int column, string problem, Exception? inner = null)
        : base($"error parsing {source}: document {document}, line {line}, column {column}: {problem}",
            "KubeManifestInvalid", ErrorCategory.InvalidData, source, inner)
    {
        Source = source;
        Document = document;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public new string Source { get; }
    public int Document { get; }
    public int Line { get; }
    public int Column { get; }
    public string Problem { get; }
}
