using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>
/// The KubernetesClient model classes and the upstream schema name of each
/// (V1Pod -> io.k8s.api.core.v1.Pod). The version and kind come from the class name; the Go
/// package from, in order: KubernetesClient's disambiguating prefix (Eventsv1Event), the
/// apimachinery meta list, the [KubernetesEntity] group of top-level kinds, and for nested types
/// the package of the kinds that reach them (a type used by core kinds is a core type, since
/// core never uses types of other groups).
/// </summary>
internal sealed partial class ModelCatalog
{
    private static readonly Lazy<ModelCatalog> Shared = new(() => new ModelCatalog(typeof(V1Pod).Assembly));
    public static ModelCatalog Instance => Shared.Value;

    private readonly Dictionary<Type, string> _names = new();
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, GroupVersionKind> _entities = new();
    private readonly Dictionary<Type, string> _kinds = new();
    private readonly Dictionary<GroupVersionKind, Type> _entityTypes = new();

    [GeneratedRegex(@"^(?:(?<prefix>[A-Z][a-z]+)v|V)(?<version>\d+(?:alpha\d+|beta\d+)?)(?<kind>[A-Z]\w*)$")]
    private static partial Regex ClassName();

    public ModelCatalog(Assembly modelAssembly)
    {
        var parsed = new Dictionary<Type, (string? Prefix, string Version, string Kind)>();
        foreach (var type in modelAssembly.GetExportedTypes())
        {
            if (type.Namespace != "k8s.Models" || !type.IsClass || type.IsGenericType || type.IsAbstract) continue;
            if (!type.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)) continue;
            var m = ClassName().Match(type.Name);
            if (!m.Success) continue;
            var prefix = m.Groups["prefix"].Success ? m.Groups["prefix"].Value : null;
            parsed[type] = (prefix, "v" + m.Groups["version"].Value, m.Groups["kind"].Value);
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { Kind.Length: > 0 } entity)
                _entities[type] = new GroupVersionKind(entity.Group ?? "", entity.ApiVersion, entity.Kind);
        }

        // Packages known from the class itself.
        var package = new Dictionary<Type, string>();
        foreach (var (type, (prefix, _, kind)) in parsed)
        {
            if (prefix is not null) package[type] = GoPackages.ForClassPrefix(prefix);
            else if (GoPackages.MetaKinds.Contains(kind)) package[type] = GoPackages.Meta;
            else if (GoPackages.CoreKindsUsedOnlyElsewhere.Contains(kind)) package[type] = GoPackages.Core;
            else if (_entities.TryGetValue(type, out var gvk)) package[type] = GoPackages.ForGroup(gvk.Group);
        }

        // Nested types: the packages of the known types that reach them without passing another known type.
        var reachedFrom = new Dictionary<Type, HashSet<string>>();
        foreach (var (root, rootPackage) in package)
        {
            var queue = new Queue<Type>([root]);
            var seen = new HashSet<Type> { root };
            while (queue.Count > 0)
            {
                foreach (var child in ReferencedModels(queue.Dequeue()))
                {
                    if (!parsed.ContainsKey(child) || package.ContainsKey(child) || !seen.Add(child)) continue;
                    (reachedFrom.TryGetValue(child, out var set) ? set : reachedFrom[child] = []).Add(rootPackage);
                    queue.Enqueue(child);
                }
            }
        }
        foreach (var (type, packages) in reachedFrom)
            package[type] = packages.Contains(GoPackages.Core) ? GoPackages.Core
                : packages.Contains(GoPackages.Meta) ? GoPackages.Meta
                : packages.Order(StringComparer.Ordinal).First();

        foreach (var (type, (_, version, kind)) in parsed)
        {
            if (!package.TryGetValue(type, out var pkg)) continue;   // not reachable from any API kind
            var name = $"{pkg}.{version}.{kind}";
            _kinds[type] = kind;
            _names[type] = name;
            _byName.TryAdd(name, type);
        }
        foreach (var (type, gvk) in _entities)
            if (_names.ContainsKey(type)) _entityTypes.TryAdd(gvk, type);
        _names[typeof(VersionInfo)] = "io.k8s.apimachinery.pkg.version.Info";
        _byName.TryAdd("io.k8s.apimachinery.pkg.version.Info", typeof(VersionInfo));
    }

    public IReadOnlyDictionary<Type, string> SchemaNames => _names;

    public string? NameOf(Type modelType) => _names.GetValueOrDefault(modelType);

    /// <summary>The Go type name of a model class: "Event" for both Corev1Event and Eventsv1Event.</summary>
    public string KindOf(Type modelType) => _kinds.GetValueOrDefault(modelType, modelType.Name);

    public Type? TypeOf(string schemaName) => _byName.GetValueOrDefault(schemaName);

    /// <summary>The group/version/kind of a top-level kind ([KubernetesEntity]), if the class is one.</summary>
    public GroupVersionKind? EntityOf(Type modelType) =>
        _entities.TryGetValue(modelType, out var gvk) ? gvk : null;

    /// <summary>The model class of a top-level kind, by its group/version/kind.</summary>
    public Type? EntityType(GroupVersionKind gvk) => _entityTypes.GetValueOrDefault(gvk);

    /// <summary>The model classes a model's JSON properties refer to (through lists and maps).</summary>
    public static IEnumerable<Type> ReferencedModels(Type modelType) =>
        JsonProperties(modelType).Select(p => ClrShapes.ElementType(p.Property.PropertyType))
            .Where(t => t.Namespace == "k8s.Models" && t.IsClass);

    /// <summary>The properties that carry a [JsonPropertyName], with that name.</summary>
    public static IEnumerable<(PropertyInfo Property, string JsonName)> JsonProperties(Type modelType) =>
        modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(x => x.Name is not null)
            .Select(x => (x.Property, x.Name!));
}
