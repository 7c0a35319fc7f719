using System.Text;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Runtime.Volumes;

/// <summary>
/// The mounts of an isolated container as enter-container-root.sh reads them: a 0600 file, one mount a
/// line, <c>ro|rw TAB HOST-PATH TAB CONTAINER-PATH TAB VOLUME-ROOT</c> (the volume a subPath must stay in; the
/// host path itself otherwise). Paths are checked here so the shell never
/// sees one it could misread: absolute, no tab/newline/NUL, no <c>.</c> or <c>..</c> segment, and a
/// container path that is not <c>/</c> nor under the /proc or /dev the script builds.
/// </summary>
public static class MountList
{
    public static string Render(IEnumerable<ContainerMount> mounts)
    {
        var text = new StringBuilder();
        foreach (var m in mounts)
        {
            if (Problem(m) is { } problem) throw new ArgumentException(problem);
            text.Append(m.ReadOnly ? "ro" : "rw").Append('\t').Append(Normal(m.HostPath)).Append('\t').Append(Normal(m.ContainerPath))
                .Append('\t').Append(Normal(m.VolumeRoot ?? m.HostPath)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Writes the list (0600, replacing an older one); the path the script is given.</summary>
    public static void Write(string path, IEnumerable<ContainerMount> mounts) => PrivateFiles.WriteAtomically(path, Render(mounts), durable: false);

    /// <summary>Why a mount cannot be passed on (null when it can).</summary>
    public static string? Problem(ContainerMount m)
    {
        if (PathProblem(m.HostPath) is { } host) return $"host path {Quote(m.HostPath)} {host}";
        if (PathProblem(m.ContainerPath) is { } inside) return $"mount path {Quote(m.ContainerPath)} {inside}";
        if (m.VolumeRoot is { } volumeRoot && PathProblem(volumeRoot) is { } root) return $"volume path {Quote(volumeRoot)} {root}";
        var c = Normal(m.ContainerPath);
        if (c == "/") return "mount path \"/\" would hide the container's root";
        foreach (var reserved in new[] { "/proc", "/dev" })
            if (c == reserved || c.StartsWith(reserved + "/", StringComparison.Ordinal)) return $"mount path {Quote(c)} is under {reserved}, which the runtime builds";
        return null;
    }

    private static string? PathProblem(string path)
    {
        if (path.Length == 0 || path[0] != '/') return "must be absolute";
        if (path.IndexOfAny(new[] { '\t', '\n', '\r', '\0' }) >= 0) return "must not contain a tab, newline or NUL";
        if (path.Split('/').Any(s => s is "." or "..")) return "must not contain '.' or '..' segments";
        return null;
    }

    private static string Normal(string path) => path.Length > 1 ? "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries)) : path;

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
