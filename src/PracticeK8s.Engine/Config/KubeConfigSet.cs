using PracticeK8s.Engine.Errors;
using YamlDotNet.RepresentationModel;

namespace PracticeK8s.Engine.Config;

/// <summary>
/// The merged view of the kubeconfig files in force, with kubectl's rules: the first file that
/// defines a cluster, user or context name wins, and the first non-empty current-context wins.
/// </summary>
public sealed class KubeConfigSet
{
    private KubeConfigSet(IReadOnlyList<string> paths, IReadOnlyList<KubeConfigDocument> documents)
    {
        Paths = paths;
        Documents = documents;
    }

    /// <summary>Every file named, existing or not, in precedence order.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The files that exist, parsed, in precedence order.</summary>
    public IReadOnlyList<KubeConfigDocument> Documents { get; }

    public static KubeConfigSet Load(IReadOnlyList<string>? paths = null)
    {
        paths ??= KubeConfigPaths.Resolve();
        var documents = new List<KubeConfigDocument>();
        foreach (var path in paths)
        {
            if (File.Exists(path) || Directory.Exists(path))
                documents.Add(KubeConfigDocument.Load(path));
        }
        return new KubeConfigSet(paths, documents);
    }

    /// <summary>Fails with a clear error when no file of the list exists.</summary>
    public KubeConfigSet RequireAny()
    {
        if (Documents.Count == 0)
        {
            var where = Paths.Count == 1 ? $"'{Paths[0]}'" : "any of '" + string.Join("', '", Paths) + "'";
            throw new KubeConfigException($"no kubeconfig found: {where} does not exist", "KubeConfigNotFound", Paths[0],
                recommendedAction: "Set $env:KUBECONFIG, run Import-KubeConfig -Path <file>, or Start-KubeSandbox.");
        }
        return this;
    }

    public string? CurrentContext =>
        Documents.Select(d => d.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c));

    public IReadOnlyList<NamedEntry> Entries(string section)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<NamedEntry>();
        foreach (var document in Documents)
        {
            foreach (var entry in document.Entries(section))
            {
                if (seen.Add(entry.Name))
                    result.Add(entry);
            }
        }
        return result;
    }

    public NamedEntry? Find(string section, string name)
    {
        foreach (var document in Documents)
        {
            var entry = document.Find(section, name);
            if (entry is not null)
                return entry;
        }
        return null;
    }

    public IReadOnlyList<KubeContextInfo> Contexts()
    {
        var current = CurrentContext;
        // kubectl config get-contexts lists contexts sorted by name.
        return Entries(KubeConfigDocument.Contexts).OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => ToInfo(c, c.Name == current)).ToList();
    }

    public KubeContextInfo? FindContext(string name, string? currentOverride = null)
    {
        var entry = Find(KubeConfigDocument.Contexts, name);
        return entry is null ? null : ToInfo(entry, name == (currentOverride ?? CurrentContext));
    }

    /// <summary>The file kubectl writes current-context to: the first that sets it, else the first that exists, else the first named.</summary>
    public string CurrentContextFile =>
        Documents.FirstOrDefault(d => !string.IsNullOrEmpty(d.CurrentContext))?.Path
        ?? Documents.FirstOrDefault()?.Path
        ?? Paths[0];

    public KubeConfigException ContextNotFound(string name) =>
        new($"no context exists with the name \"{name}\" in {Describe()}", "KubeContextNotFound", name,
            recommendedAction: "Get-KubeContext lists the contexts that exist.");

    public string Describe() => Documents.Count switch
    {
        0 => string.Join(", ", Paths),
        1 => Documents[0].Path,
        _ => "the kubeconfig files " + string.Join(", ", Documents.Select(d => d.Path)),
    };

    private KubeContextInfo ToInfo(NamedEntry context, bool isCurrent)
    {
        var cluster = context.Get("cluster") ?? "";
        var server = Find(KubeConfigDocument.Clusters, cluster)?.Get("server");
        return new KubeContextInfo
        {
            IsCurrent = isCurrent,
            Name = context.Name,
            Cluster = cluster,
            AuthInfo = context.Get("user") ?? "",
            Namespace = context.Get("namespace") ?? "",
            Server = server,
            SourceFile = context.Source.Path,
        };
    }

    /// <summary>
    /// The entries one context needs (itself, its cluster, its user) as a standalone kubeconfig text,
    /// with file references made absolute against the file each entry came from.
    /// </summary>
    public (string Yaml, NamedEntry Context, NamedEntry Cluster, NamedEntry User) ExtractContext(string name)
    {
        var context = Find(KubeConfigDocument.Contexts, name) ?? throw ContextNotFound(name);
        var clusterName = context.Get("cluster");
        if (string.IsNullOrEmpty(clusterName))
            throw new KubeConfigException($"context \"{name}\" in {context.Source.Path} names no cluster", target: name);
        var cluster = Find(KubeConfigDocument.Clusters, clusterName)
            ?? throw new KubeConfigException($"context \"{name}\" refers to cluster \"{clusterName}\", which is not defined in {Describe()}", target: name);
        var userName = context.Get("user") ?? "";
        var user = Find(KubeConfigDocument.Users, userName)
            ?? new NamedEntry(userName, new YamlMappingNode { { "name", userName }, { "user", new YamlMappingNode() } }, new YamlMappingNode(), 0, context.Source);
        if (string.IsNullOrEmpty(cluster.Get("server")))
            throw new KubeConfigException($"cluster \"{clusterName}\" in {cluster.Source.Path} has no server defined", target: name);

        var doc = KubeConfigDocument.CreateEmpty("(extracted)");
        doc.Add(KubeConfigDocument.Clusters, WithAbsolutePaths(cluster, "certificate-authority"));
        doc.Add(KubeConfigDocument.Users, WithAbsolutePaths(user, "client-certificate", "client-key", "tokenFile"));
        doc.Add(KubeConfigDocument.Contexts, context.Entry);
        doc.CurrentContext = name;
        return (doc.ToYaml(), context, cluster, user);
    }

    private static YamlMappingNode WithAbsolutePaths(NamedEntry entry, params string[] keys)
    {
        var body = new YamlMappingNode();
        foreach (var (key, value) in entry.Body.Children)
        {
            var k = ((YamlScalarNode)key).Value;
            if (k is not null && keys.Contains(k) && value is YamlScalarNode { Value: { Length: > 0 } path })
                body.Add(key, new YamlScalarNode(Absolute(path, entry.Source.Path)));
            else
                body.Add(key, value);
        }
        var singular = entry.Entry.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value)
            .FirstOrDefault(k => k is "cluster" or "user" or "context") ?? "cluster";
        return new YamlMappingNode { { "name", entry.Name }, { singular, body } };
    }

    public static string Absolute(string path, string relativeTo)
    {
        path = KubeConfigPaths.ExpandHome(path);
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(relativeTo) ?? ".", path));
    }

    /// <summary>A fingerprint of the files in force (paths, sizes, write times): a change makes new clients.</summary>
    public static string Fingerprint(IReadOnlyList<string> paths)
    {
        var parts = paths.Select(p =>
        {
            var info = new FileInfo(p);
            return info.Exists ? $"{p}|{info.Length}|{info.LastWriteTimeUtc.Ticks}" : $"{p}|-";
        });
        return string.Join(";", parts);
    }
}
