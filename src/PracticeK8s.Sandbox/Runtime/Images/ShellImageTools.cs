using System.Reflection;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime.Images;

/// <summary>
/// Programs shell images have that the host may lack: a shell image's container runs the host's tools,
/// and the course runs <c>nslookup</c> in busybox. Where the host has no nslookup, an isolated container
/// gets one in its <c>/usr/bin</c> layer (<c>nslookup.sh</c>, printing like busybox's applet, resolving
/// through the container's own resolver). Host-process containers run host paths and get none.
/// </summary>
public static class ShellImageTools
{
    private static readonly bool HostHasNslookup = HostShell.FindOnPath("nslookup") is not null;
    private static readonly Lazy<string> Nslookup = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("nslookup.sh")!;
        return new StreamReader(stream).ReadToEnd();
    });

    /// <summary>Executable files (path relative to the container root → content) for a container of <paramref name="image"/>.</summary>
    public static IReadOnlyList<(string Path, string Content)> Executables(ImageReference image, bool isolated) =>
        isolated && !HostHasNslookup && ImageCatalog.KindOf(image) == ImageKind.Shell
            ? new[] { ("usr/bin/nslookup", Nslookup.Value) }
            : Array.Empty<(string, string)>();
}
