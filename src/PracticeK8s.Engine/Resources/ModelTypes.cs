using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace PracticeK8s.Engine.Resources;

/// <summary>The KubernetesClient model class of each built-in apiVersion/kind, read from its [KubernetesEntity] attribute.</summary>
public static class ModelTypes
{
    private static readonly FrozenDictionary<string, Type> s_byApiVersionKind = Build();
    private static readonly MethodInfo s_deserialize = typeof(KubernetesJson).GetMethods()
        .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(JsonNode));

    private static FrozenDictionary<string, Type> Build()
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(V1Pod).Assembly.GetExportedTypes())
        {
            var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
            if (entity is null || string.IsNullOrEmpty(entity.Kind) || type.Name.EndsWith("List", StringComparison.Ordinal) && entity.Kind.EndsWith("List", StringComparison.Ordinal))
                continue;
            var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
            map.TryAdd(Key(apiVersion, entity.Kind), type);
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static readonly FrozenSet<Type> s_models = s_byApiVersionKind.Values.ToFrozenSet();

    /// <summary>Every built-in kind's model class (lists excluded).</summary>
    public static IReadOnlyCollection<Type> All => s_models;

    /// <summary>Whether <paramref name="type"/> is the model class of a built-in kind.</summary>
    public static bool IsModel(Type type) => s_models.Contains(type);

    private static string Key(string apiVersion, string kind) => apiVersion + "|" + kind;

    public static Type? Find(string? apiVersion, string? kind) =>
        apiVersion is null || kind is null ? null : s_byApiVersionKind.GetValueOrDefault(Key(apiVersion, kind));

    /// <summary>A typed model for a built-in kind, else null (the caller keeps the generic form).</summary>
    public static object? ToModel(JsonNode node)
    {
        if (node is not JsonObject obj)
            return null;
        var type = Find(obj["apiVersion"]?.GetValue<string>(), obj["kind"]?.GetValue<string>());
        if (type is null)
            return null;
        try
        {
            return s_deserialize.MakeGenericMethod(type).Invoke(null, [node, null]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<System.Text.Json.JsonElement, object>> s_readers = new();
    private static readonly MethodInfo s_read = typeof(ModelTypes).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Deserializes one object (e.g. a list item) into its model type, with a cached compiled reader per type.</summary>
    public static object FromJson(System.Text.Json.JsonElement element, Type type) =>
        s_readers.GetOrAdd(type, t => s_read.MakeGenericMethod(t).CreateDelegate<Func<System.Text.Json.JsonElement, object>>())(element);

    private static object Read<T>(System.Text.Json.JsonElement element) => KubernetesJson.Deserialize<T>(element)!;

    public static JsonNode ToJson(object model) =>
        JsonNode.Parse(KubernetesJson.Serialize(model)) ?? new JsonObject();
}
