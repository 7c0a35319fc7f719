namespace PracticeK8s.Printing;

internal static class DictionaryExtensions
{
    /// <summary>The value under <paramref name="key"/>, or null (the models expose IDictionary, which has no GetValueOrDefault).</summary>
    public static string? ValueOrNull(this IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;
}
