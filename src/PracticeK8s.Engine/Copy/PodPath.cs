using System.Management.Automation;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Copy;

/// <summary>
/// kubectl cp's file spec "[[namespace/]pod:]path": split at the first ':'; at most one '/' before
/// it. Unlike kubectl, a Windows drive ("C:\x", "C:/x") stays local instead of naming pod "C".
/// </summary>
public sealed record PodPath(string? Namespace, string Pod, string Path)
{
    /// <summary>The remote spec, or null when <paramref name="spec"/> is a local path.</summary>
    public static PodPath? TryParse(string spec)
    {
        int colon = spec.IndexOf(':');
        if (colon <= 0)
            return null;
        if (colon == 1 && char.IsAsciiLetter(spec[0]) && (spec.Length == 2 || spec[2] is '\\' or '/'))
            return null;
        var head = spec[..colon];
        var path = spec[(colon + 1)..];
        var parts = head.Split('/');
        if (parts.Length > 2)
            throw Invalid(spec, "filespec must match the canonical format: [[namespace/]pod:]file/path");
        if (path.Length == 0)
            throw Invalid(spec, "filepath can not be empty");
        return parts.Length == 2 ? new PodPath(parts[0], parts[1], path) : new PodPath(null, parts[0], path);
    }

    public override string ToString() => (Namespace is null ? "" : Namespace + "/") + Pod + ":" + Path;

    private static KubeException Invalid(string spec, string message) =>
        new(message, "KubeInvalidFileSpec", ErrorCategory.InvalidArgument, spec);
}
