using k8s.Models;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>Reading labels and annotations off typed metadata.</summary>
public static class Metadata
{
    public static string? Annotation(this V1ObjectMeta? meta, string key) =>
        meta?.Annotations is { } a && a.TryGetValue(key, out var v) ? v : null;

    public static string? Label(this V1ObjectMeta? meta, string key) =>
        meta?.Labels is { } l && l.TryGetValue(key, out var v) ? v : null;
}
