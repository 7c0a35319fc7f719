using PracticeK8s.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PracticeK8s.Engine.Config;

/// <summary>
/// One kubeconfig file held as a YAML node tree, so that reading and writing keep every entry,
/// field and order the module does not touch (exec users, auth providers, extensions).
/// </summary>
public sealed class KubeConfigDocument
{
    public const string Clusters = "clusters";
    public const string Users = "users";
    public const string Contexts = "contexts";

    private readonly YamlMappingNode _root;

    private KubeConfigDocument(string path, YamlMappingNode root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    public static KubeConfigDocument CreateEmpty(string path)
    {
        var root = new YamlMappingNode
        {
            { "apiVersion", "v1" },
            { "kind", "Config" },
            { "preferences", new YamlMappingNode() },
            { Clusters, new YamlSequenceNode() },
            { Users, new YamlSequenceNode() },
            { Contexts, new YamlSequenceNode() },
            { "current-context", "" },
        };
        return new KubeConfigDocument(path, root);
    }

    public static KubeConfigDocument Load(string path)
    {
        string text;
        if (Directory.Exists(path))
            throw new KubeConfigException($"kubeconfig '{path}' cannot be read: it is a directory, not a file", "KubeConfigUnreadable", path);
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException e)
        {
            throw new KubeConfigException($"kubeconfig file '{path}' does not exist", "KubeConfigNotFound", path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"kubeconfig file '{path}' cannot be read: {e.Message}", "KubeConfigUnreadable", path, e);
        }
        return Parse(path, text);
    }

    public static KubeConfigDocument Parse(string path, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return CreateEmpty(path);
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (not a YamlException) for some input cut short.
            var line = (int)scanner.CurrentPosition.Line;
            var column = (int)scanner.CurrentPosition.Column;
            throw new KubeConfigException(
                $"kubeconfig file '{path}' is malformed at line {line}, column {column}: unexpected end of the document",
                "KubeConfigInvalid", path, e)
            { File = path, Line = line, Column = column };
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line;
            var column = (int)e.Start.Column;
            throw new KubeConfigException(
                $"kubeconfig file '{path}' is malformed at line {line}, column {column}: {Innermost(e).Message}",
                "KubeConfigInvalid", path, e)
            { File = path, Line = line, Column = column };
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return CreateEmpty(path);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            throw Malformed(path, node, "the document is not a mapping of kubeconfig fields");
        }
        var document = new KubeConfigDocument(path, root);
        document.Validate();
        return document;
    }

    public string? CurrentContext
    {
        get => Scalar(_root, "current-context");
        set => _root.Children[new YamlScalarNode("current-context")] = new YamlScalarNode(value ?? "");
    }

    public IReadOnlyList<NamedEntry> Entries(string section)
    {
        if (!_root.Children.TryGetValue(new YamlScalarNode(section), out var node) || node is not YamlSequenceNode list)
            return [];
        var entries = new List<NamedEntry>(list.Children.Count);
        foreach (var item in list.Children)
        {
            var map = (YamlMappingNode)item;
            var name = Scalar(map, "name") ?? "";
            var body = map.Children.TryGetValue(new YamlScalarNode(Singular(section)), out var b) ? b as YamlMappingNode : null;
            entries.Add(new NamedEntry(name, map, body ?? new YamlMappingNode(), (int)item.Start.Line, this));
        }
        return entries;
    }

    public NamedEntry? Find(string section, string name) =>
        Entries(section).FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    /// <summary>Appends an entry (a mapping with "name" and the section's singular key) at the end of its section.</summary>
    public void Add(string section, YamlMappingNode entry)
    {
        var key = new YamlScalarNode(section);
        if (!_root.Children.TryGetValue(key, out var node) || node is not YamlSequenceNode list)
        {
            list = new YamlSequenceNode();
            _root.Children[key] = list;
        }
        list.Add(entry);
    }

    /// <summary>Replaces the entry of that name in place (keeping its position) or appends it.</summary>
    public void Replace(string section, string name, YamlMappingNode entry)
    {
        if (_root.Children.TryGetValue(new YamlScalarNode(section), out var node) && node is YamlSequenceNode list)
        {
            for (int i = 0; i < list.Children.Count; i++)
            {
                if (list.Children[i] is YamlMappingNode m && Scalar(m, "name") == name)
                {
                    list.Children[i] = entry;
                    return;
                }
            }
        }
        Add(section, entry);
    }

    /// <summary>Removes the entries of a section whose names match; true when something was removed.</summary>
    public bool RemoveWhere(string section, Func<string, bool> match)
    {
        if (!_root.Children.TryGetValue(new YamlScalarNode(section), out var node) || node is not YamlSequenceNode list)
            return false;
        int before = list.Children.Count;
        for (int i = list.Children.Count - 1; i >= 0; i--)
        {
            if (list.Children[i] is YamlMappingNode m && Scalar(m, "name") is { } name && match(name))
                list.Children.RemoveAt(i);
        }
        return list.Children.Count != before;
    }

    /// <summary>Sets the namespace field of a context entry of this file.</summary>
    public void SetContextNamespace(string context, string ns)
    {
        var entry = Find(Contexts, context) ?? throw new KubeConfigException($"context \"{context}\" is not defined in {Path}", "KubeContextNotFound", context);
        if (!entry.Entry.Children.TryGetValue(new YamlScalarNode("context"), out var body) || body is not YamlMappingNode)
            entry.Entry.Children[new YamlScalarNode("context")] = entry.Body;
        entry.Body.Children[new YamlScalarNode("namespace")] = new YamlScalarNode(ns);
    }

    public string ToYaml()
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(_root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet ends a document with "...": kubectl does not, and neither should we.
        if (text.EndsWith("...\n", StringComparison.Ordinal))
            text = text[..^4];
        else if (text.EndsWith("...\r\n", StringComparison.Ordinal))
            text = text[..^5];
        return text;
    }

    /// <summary>
    /// Writes the file atomically (a new file renamed over it) keeping its permissions; a new file
    /// is readable by its owner only from its first byte, as kubectl creates it.
    /// </summary>
    public void Save(string? path = null)
    {
        path ??= Path;
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Files.PrivateFiles.CreateDirectory(directory);
        UnixFileMode? mode = !OperatingSystem.IsWindows() && File.Exists(path) ? File.GetUnixFileMode(path) : null;
        Files.PrivateFiles.WriteAllText(path, ToYaml(), mode);
    }

    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    public static string Singular(string section) => section switch
    {
        Clusters => "cluster",
        Users => "user",
        Contexts => "context",
        _ => section.TrimEnd('s'),
    };

    private void Validate()
    {
        foreach (var section in new[] { Clusters, Users, Contexts })
        {
            if (!_root.Children.TryGetValue(new YamlScalarNode(section), out var node))
                continue;
            if (node is YamlScalarNode { Value: null or "" or "null" or "~" })
            {
                _root.Children[new YamlScalarNode(section)] = new YamlSequenceNode();
                continue;
            }
            if (node is not YamlSequenceNode list)
                throw Malformed(Path, node, $"'{section}' must be a list");
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode map)
                    throw Malformed(Path, item, $"each entry of '{section}' must be a mapping with a name");
                if (string.IsNullOrEmpty(Scalar(map, "name")))
                    throw Malformed(Path, item, $"an entry of '{section}' has no name");
                if (map.Children.TryGetValue(new YamlScalarNode(Singular(section)), out var body) && body is not YamlMappingNode
                    && body is not YamlScalarNode { Value: null or "" })
                    throw Malformed(Path, body, $"'{Singular(section)}' of {Singular(section)} \"{Scalar(map, "name")}\" must be a mapping");
            }
        }
    }

    private static KubeConfigException Malformed(string path, YamlNode node, string problem)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        return new KubeConfigException($"kubeconfig file '{path}' is malformed at line {line}, column {column}: {problem}",
            "KubeConfigInvalid", path)
        { File = path, Line = line, Column = column };
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is YamlException inner)
            e = inner;
        return e;
    }
}

/// <summary>A cluster, user or context entry: its name, the whole entry node and its body mapping.</summary>
public sealed record NamedEntry(string Name, YamlMappingNode Entry, YamlMappingNode Body, int Line, KubeConfigDocument Source)
{
    public string? Get(string key) => KubeConfigDocument.Scalar(Body, key);
}
