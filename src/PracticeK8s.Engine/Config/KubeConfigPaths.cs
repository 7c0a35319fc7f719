namespace PracticeK8s.Engine.Config;

/// <summary>Which kubeconfig files apply, as kubectl decides: $KUBECONFIG (a path list) or ~/.kube/config.</summary>
public static class KubeConfigPaths
{
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");

    /// <summary>The files named, in precedence order, whether they exist or not.</summary>
    public static IReadOnlyList<string> Resolve(string? kubeconfigVariable = null)
    {
        kubeconfigVariable ??= Environment.GetEnvironmentVariable("KUBECONFIG");
        if (string.IsNullOrWhiteSpace(kubeconfigVariable))
            return [DefaultPath];
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var paths = new List<string>();
        foreach (var part in kubeconfigVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var full = Path.GetFullPath(ExpandHome(part));
            if (seen.Add(full))
                paths.Add(full);
        }
        return paths.Count == 0 ? [DefaultPath] : paths;
    }

    public static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : "")
            : path;
}
