namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>How KubernetesClient's property types wrap their payload: T?, IList&lt;T&gt;, IDictionary&lt;string,T&gt;.</summary>
internal static class ClrShapes
{
    public static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d &&
        (d == typeof(IList<>) || d == typeof(List<>) || d == typeof(IEnumerable<>) || d == typeof(IReadOnlyList<>) || d == typeof(ICollection<>))
            ? type.GetGenericArguments()[0] : null;

    public static Type? DictionaryValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d &&
        (d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>) || d == typeof(IReadOnlyDictionary<,>))
            ? type.GetGenericArguments()[1] : null;

    /// <summary>The innermost payload type: V1Container for IList&lt;V1Container&gt;, int for int?.</summary>
    public static Type ElementType(Type type)
    {
        while (true)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying) { type = underlying; continue; }
            if (ListElement(type) is { } element) { type = element; continue; }
            if (DictionaryValue(type) is { } value) { type = value; continue; }
            return type;
        }
    }
}
