using System.Text.Json;
using k8s;

namespace PracticeK8s.Sandbox.Resources;

/// <summary>Reads stored JSON into KubernetesClient model types with the client's own serializer settings.</summary>
public static class ModelJson
{
    private static readonly JsonSerializerOptions Options = Capture();

    private static JsonSerializerOptions Capture()
    {
        JsonSerializerOptions? captured = null;
        // KubernetesJson keeps its options private; AddJsonOptions hands them to the callback.
        KubernetesJson.AddJsonOptions(o => captured = o);
        return captured ?? throw new InvalidOperationException("KubernetesJson options unavailable");
    }

    public static object? Deserialize(byte[] json, Type type) => JsonSerializer.Deserialize(json, type, Options);
}
