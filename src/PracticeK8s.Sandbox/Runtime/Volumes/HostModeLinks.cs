using PracticeK8s.Sandbox.Runtime.FileSystem;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Runtime.Volumes;

/// <summary>
/// Host-process mode (no namespaces): a volume appears at its mount path inside the container's
/// directory as a symbolic link to the volume, so argv-mapped commands and the built-in images
/// (nginx serving /usr/share/nginx/html) find it. What the image seeded there is replaced. Read-only
/// is not enforced in this mode (the container is the user's own process anyway).
/// </summary>
public static class HostModeLinks
{
    public static void Create(ContainerRoot root, IEnumerable<ContainerMount> mounts)
    {
        // Shorter paths first, so /a's link exists before /a/b would be looked up inside it... and a nested
        // mount inside another volume is then created in that volume, as a bind mount there would be.
        foreach (var m in mounts.OrderBy(m => m.ContainerPath.Length))
        {
            if (MountList.Problem(m) is not null) continue;
            try { Link(root, m); }
            catch (Exception e) when (OperatingSystem.IsWindows() && e is IOException or UnauthorizedAccessException)
            {
                // Windows without the right to make links: a copy of the volume as it is now.
                try { Copy(m.HostPath, root.Map(m.ContainerPath)); }
                catch (Exception copyError) when (copyError is IOException or UnauthorizedAccessException) { }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // that mount stays absent; the others are made
        }
    }

    private static void Link(ContainerRoot root, ContainerMount m)
    {
        var at = root.Map(m.ContainerPath);
        if (!at.StartsWith(root.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(at)!);
        var existing = new FileInfo(at);
        if (existing.LinkTarget == m.HostPath) return;
        if (existing.LinkTarget is not null || File.Exists(at)) File.Delete(at);
        else if (Directory.Exists(at)) Directory.Delete(at, recursive: true);
        if (Directory.Exists(m.HostPath)) Directory.CreateSymbolicLink(at, m.HostPath);
        else File.CreateSymbolicLink(at, m.HostPath);
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            PrivateFiles.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            return;
        }
        PrivateFiles.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
            if (!entry.Name.StartsWith("..", StringComparison.Ordinal)) Copy(entry.FullName, Path.Combine(to, entry.Name));
    }
}
