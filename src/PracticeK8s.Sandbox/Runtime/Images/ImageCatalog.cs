namespace PracticeK8s.Sandbox.Runtime.Images;

/// <summary>Which images run as local shells, which are built-in servers, and which simply idle.</summary>
public static class ImageCatalog
{
    /// <summary>Images whose default command is a shell (busybox <c>sh</c>, ubuntu <c>bash</c>...).</summary>
    private static readonly HashSet<string> ShellImages = new(StringComparer.Ordinal)
    {
        "busybox", "alpine", "ubuntu", "debian", "centos", "fedora", "rockylinux", "almalinux", "amazonlinux",
        "bash", "opensuse", "archlinux", "toolbox", "netshoot", "dnsutils", "curl", "ubi", "ubi-minimal", "ubi8", "ubi9",
    };

    public static readonly IReadOnlyList<BuiltinImage> Builtins = new BuiltinImage[]
    {
        new NginxImage(), new HelloAppImage(), IngressNginxImage.Instance, BannerImage.CoreDns, BannerImage.KubeProxy, BannerImage.Calico, BannerImage.Csi,
    };

    public static ImageKind KindOf(ImageReference image) =>
        Builtin(image) is not null ? ImageKind.Builtin
        : ShellImages.Contains(image.ShortName) ? ImageKind.Shell
        : ImageKind.Unknown;

    public static BuiltinImage? Builtin(ImageReference image) => Builtins.FirstOrDefault(b => b.Matches(image));
}
