using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Resources.Validation;

/// <summary>
/// A volume mount's subPath and subPathExpr must stay inside the volume: relative, with no ".." segment
/// (upstream's validateLocalDescendingPath, same wording).
/// </summary>
public static class VolumeMountPaths
{
    public static void Check(JsonArray? mounts, string path, FieldErrors errors)
    {
        int i = 0;
        foreach (var m in mounts.Objects())
        {
            var p = $"{path}[{i++}]";
            var subPath = m.Str("subPath");
            if (!string.IsNullOrEmpty(subPath)) Descending(subPath, $"{p}.subPath", errors);
            if (m.Str("subPathExpr") is { Length: > 0 } expr)
            {
                if (!string.IsNullOrEmpty(subPath)) errors.Invalid($"{p}.subPathExpr", expr, "subPathExpr and subPath are mutually exclusive");
                Descending(expr, $"{p}.subPathExpr", errors);
            }
        }
    }

    private static void Descending(string value, string field, FieldErrors errors)
    {
        if (value.StartsWith('/')) errors.Invalid(field, value, "must be a relative path");
        // Go's filepath.ToSlash is the identity on Linux; backslashes count as separators here so that
        // "..\\.." is refused whichever OS the sandbox runs on.
        if (value.Split('/', '\\').Contains("..")) errors.Invalid(field, value, "must not contain '..'");
    }
}
