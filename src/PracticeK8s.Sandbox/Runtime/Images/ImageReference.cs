using System.Security.Cryptography;
using System.Text;

namespace PracticeK8s.Sandbox.Runtime.Images;

/// <summary>
/// An image name as containerd reports it: <c>nginx</c> → <c>docker.io/library/nginx:latest</c>,
/// with a stable made-up digest for <c>imageID</c> (<c>docker.io/library/nginx@sha256:…</c>).
/// </summary>
public sealed record ImageReference(string Registry, string Repository, string Tag)
{
    public static ImageReference Parse(string image)
    {
        var name = image.Trim();
        var at = name.IndexOf('@');
        if (at >= 0) name = name[..at];
        var tag = "latest";
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
        }
        var firstSlash = name.IndexOf('/');
        var first = firstSlash < 0 ? "" : name[..firstSlash];
        string registry;
        if (firstSlash >= 0 && (first.Contains('.') || first.Contains(':') || first == "localhost"))
        {
            registry = first;
            name = name[(firstSlash + 1)..];
        }
        else
        {
            registry = "docker.io";
            if (firstSlash < 0) name = "library/" + name;
        }
        return new ImageReference(registry, name, tag);
    }

    /// <summary>The repository's last path segment: <c>hello-app</c>, <c>nginx</c>, <c>node</c>.</summary>
    public string ShortName => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary><c>containerStatuses[].image</c>.</summary>
    public string FullName => $"{Registry}/{Repository}:{Tag}";

    /// <summary><c>containerStatuses[].imageID</c>: repository@sha256 of a digest made from the name.</summary>
    public string ImageId => $"{Registry}/{Repository}@sha256:{Digest}";

    public string Digest => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(FullName))).ToLowerInvariant();

    /// <summary>A plausible image size for the kubelet's "Pulled" event (stable per image).</summary>
    public long SizeBytes => 5_000_000 + (long)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(FullName)), 0) % 70_000_000);
}
