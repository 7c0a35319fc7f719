using System.Text.Json.Nodes;

namespace PracticeK8s.Engine.Apply;

/// <summary>Where an input object came from: a file (and document of it), stdin, a YAML string or the pipeline.</summary>
public sealed record ManifestSource(string Name, int? Document = null, int? Line = null, bool IsFile = false)
{
    /// <summary>"deployment.yaml, document 2 (line 14)" / "the pipeline".</summary>
    public override string ToString()
    {
        var name = IsFile ? $"\"{Name}\"" : Name;
        if (Document is null)
            return name;
        return Line is int line ? $"{name}, document {Document} (line {line})" : $"{name}, document {Document}";
    }
}

/// <summary>One object to apply or delete, as JSON, with its source.</summary>
public sealed record ManifestObject(JsonObject Object, ManifestSource Source)
{
    public string ApiVersion => Object["apiVersion"]?.GetValue<string>() ?? "";
    public string Kind => Object["kind"]?.GetValue<string>() ?? "";
    public string Name => Object["metadata"]?["name"]?.GetValue<string>() ?? "";
    public string? Namespace => Object["metadata"]?["namespace"]?.GetValue<string>() is { Length: > 0 } ns ? ns : null;

    /// <summary>"Deployment nginx from "deployment.yaml", document 1", for messages before the kind is resolved.</summary>
    public string Describe() => $"{Kind} \"{Name}\" from {Source}";
}
