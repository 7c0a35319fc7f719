using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi.CustomResources;

namespace PracticeK8s.Sandbox.OpenApi;

/// <summary>
/// The sandbox's OpenAPI v3 documents, generated (never copied) from the KubernetesClient model
/// types, their XML doc comments and the patch library's list table: the /openapi/v3 root that
/// lists one document per group-version, and each document with its content hash. Custom
/// resources get documents built from their CRD's openAPIV3Schema. Documents are built on first
/// use and cached; the class is safe to use from many requests at once.
/// </summary>
public sealed class OpenApiGenerator
{
    private readonly IReadOnlyList<OpenApiResource> _builtIn;
    private readonly DocumentBuilder _builder;
    private readonly object _gate = new();
    private readonly Dictionary<string, IReadOnlyList<CustomResourceVersion>> _definitions = new(StringComparer.Ordinal);
    private volatile Snapshot _snapshot;

    public OpenApiGenerator(IEnumerable<OpenApiResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _builtIn = resources.ToList();
        _builder = new DocumentBuilder(_builtIn.Where(r => r.ModelType is not null));
        _snapshot = Snapshot.Create(_builtIn, _definitions.Values.SelectMany(d => d), previous: null, _builder);
    }

    /// <summary>The group-versions with a document: "api/v1", "apis/apps/v1", ... in ordinal order.</summary>
    public IReadOnlyList<string> GroupVersionPaths => _snapshot.Paths;

    /// <summary>The /openapi/v3 body: {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."},...}}.</summary>
    public string RootJson() => _snapshot.Root.Value;

    /// <summary>The document of a group-version ("api/v1", "apis/apps/v1") and its hash.</summary>
    /// <exception cref="KeyNotFoundException">No served resource is in that group-version.</exception>
    public (string Json, string Hash) Document(string groupVersionPath) =>
        TryGetDocument(groupVersionPath, out var json, out var hash)
            ? (json, hash)
            : throw new KeyNotFoundException($"No OpenAPI document for \"{groupVersionPath}\".");

    public bool TryGetDocument(string groupVersionPath, out string json, out string hash)
    {
        var snapshot = _snapshot;
        if (snapshot.Documents.TryGetValue(groupVersionPath.Trim('/'), out var document))
        {
            (json, hash) = document.Value;
            return true;
        }
        json = hash = "";
        return false;
    }

    /// <summary>
    /// Serves (or re-serves, when changed) the custom resource a CustomResourceDefinition defines:
    /// every served version gets its paths and schema in the document of its group-version.
    /// </summary>
    /// <returns>The CRD's name (metadata.name).</returns>
    public string AddCustomResourceDefinition(string crdJson)
    {
        var versions = CustomResourceDefinitionReader.Read(crdJson);
        var name = versions.Count > 0 ? versions[0].DefinitionName : NameOnly(crdJson);
        lock (_gate)
        {
            _definitions[name] = versions;
            Rebuild();
        }
        return name;
    }

    /// <summary>Stops serving the custom resource of the CRD with this metadata.name.</summary>
    public bool RemoveCustomResourceDefinition(string name)
    {
        lock (_gate)
        {
            if (!_definitions.Remove(name)) return false;
            Rebuild();
            return true;
        }
    }

    private void Rebuild() =>
        _snapshot = Snapshot.Create(_builtIn, _definitions.Values.SelectMany(d => d), _snapshot, _builder);

    private static string NameOnly(string crdJson) =>
        (string?)JsonNode.Parse(crdJson)?["metadata"]?["name"] ?? throw new ArgumentException("The CustomResourceDefinition has no name.");

    /// <summary>One consistent view: the served group-versions and their lazily built documents.</summary>
    private sealed class Snapshot
    {
        public required IReadOnlyList<string> Paths { get; init; }
        public required IReadOnlyDictionary<string, GroupVersionContent> Contents { get; init; }
        public required IReadOnlyDictionary<string, Lazy<(string Json, string Hash)>> Documents { get; init; }
        public required Lazy<string> Root { get; init; }

        public static Snapshot Create(IEnumerable<OpenApiResource> builtIn, IEnumerable<CustomResourceVersion> custom,
            Snapshot? previous, DocumentBuilder builder)
        {
            var contents = new Dictionary<string, GroupVersionContent>(StringComparer.Ordinal);
            GroupVersionContent For(string group, string version) =>
                contents.TryGetValue(GroupVersionNames.Of(group, version), out var c) ? c
                    : contents[GroupVersionNames.Of(group, version)] = new GroupVersionContent(group, version);

            var customByKey = custom.ToDictionary(c => (c.Resource.GroupVersionPath, c.Resource.Plural));
            foreach (var resource in builtIn)
            {
                // A built-in list entry for a custom resource is served from its CRD once that is known.
                if (resource.ModelType is null && customByKey.ContainsKey((resource.GroupVersionPath, resource.Plural))) continue;
                For(resource.Group, resource.Version).Resources.Add(resource);
            }
            foreach (var version in customByKey.Values)
            {
                var content = For(version.Resource.Group, version.Resource.Version);
                content.Resources.RemoveAll(r => r.Plural == version.Resource.Plural);
                content.Resources.Add(version.Resource);
                content.Custom[version.Resource.Plural] = version;
            }

            var documents = new Dictionary<string, Lazy<(string, string)>>(StringComparer.Ordinal);
            foreach (var (path, content) in contents)
            {
                // Unchanged group-versions keep their (possibly built) document.
                documents[path] = previous is not null && previous.Contents.TryGetValue(path, out var old) && old.SameAs(content)
                    ? previous.Documents[path]
                    : new Lazy<(string, string)>(() => builder.Build(content), LazyThreadSafetyMode.ExecutionAndPublication);
            }

            var paths = contents.Keys.Order(StringComparer.Ordinal).ToList();
            return new Snapshot
            {
                Paths = paths,
                Contents = contents,
                Documents = documents,
                Root = new Lazy<string>(() => RootOf(paths, documents), LazyThreadSafetyMode.ExecutionAndPublication),
            };
        }

        private static string RootOf(IEnumerable<string> paths, IReadOnlyDictionary<string, Lazy<(string Json, string Hash)>> documents)
        {
            var entries = new JsonObject();
            foreach (var path in paths)
                entries[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={documents[path].Value.Hash}" };
            return CanonicalJson.Serialize(new JsonObject { ["paths"] = entries });
        }
    }
}

/// <summary>What one group-version document is made of.</summary>
internal sealed class GroupVersionContent(string group, string version)
{
    public string Group { get; } = group;
    public string Version { get; } = version;
    public List<OpenApiResource> Resources { get; } = [];
    public Dictionary<string, CustomResourceVersion> Custom { get; } = new(StringComparer.Ordinal);

    public bool SameAs(GroupVersionContent other) =>
        Resources.Count == other.Resources.Count &&
        Resources.OrderBy(r => r.Plural, StringComparer.Ordinal).Zip(other.Resources.OrderBy(r => r.Plural, StringComparer.Ordinal))
            .All(p => SameResource(p.First, p.Second)) &&
        Custom.Count == other.Custom.Count &&
        Custom.All(c => other.Custom.TryGetValue(c.Key, out var o) && JsonNode.DeepEquals(c.Value.Schema, o.Schema) && c.Value.ListKind == o.ListKind);

    private static bool SameResource(OpenApiResource a, OpenApiResource b) =>
        a.Group == b.Group && a.Version == b.Version && a.Kind == b.Kind && a.Plural == b.Plural && a.Namespaced == b.Namespaced &&
        a.ModelType == b.ModelType && a.Verbs.SequenceEqual(b.Verbs) && a.Subresources.SequenceEqual(b.Subresources);
}
