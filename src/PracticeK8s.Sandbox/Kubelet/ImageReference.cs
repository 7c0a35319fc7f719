using System.Security.Cryptography;
using System.Text;

namespace PracticeK8s.Sandbox.Kubelet;

/// <summary>
/// What containerd reports for an image: the fully qualified reference (<c>nginx</c> →
/// <c>docker.io/library/nginx:latest</c>), a repo digest, a size. No registry is contacted: the
/// digest and size are derived from the name, so they are stable across runs.
/// </summary>
public static class ImageReference
{
    public static string Qualified(string image)
    {
        var name = image;
        var at = name.IndexOf('@');
        var digest = at >= 0 ? name[at..] : "";
        if (at >= 0) name = name[..at];
        var lastSlash = name.LastIndexOf('/');
        var hasTag = name.IndexOf(':', lastSlash + 1) >= 0;
        var firstSegment = name.Contains('/') ? name[..name.IndexOf('/')] : "";
        var hasRegistry = firstSegment.Contains('.') || firstSegment.Contains(':') || firstSegment == "localhost";
        if (!hasRegistry) name = (name.Contains('/') ? "docker.io/" : "docker.io/library/") + name;
        if (!hasTag && digest.Length == 0) name += ":latest";
        return name + digest;
    }

    /// <summary><c>docker.io/library/nginx@sha256:…</c>, as containerStatuses[].imageID shows.</summary>
    public static string ImageId(string image)
    {
        var q = Qualified(image);
        var repo = q.Contains('@') ? q[..q.IndexOf('@')] : q;
        var lastSlash = repo.LastIndexOf('/');
        var colon = repo.IndexOf(':', lastSlash + 1);
        if (colon >= 0) repo = repo[..colon];
        return $"{repo}@sha256:{Hex(q, 64)}";
    }

    public static long SizeBytes(string image) => 5_000_000 + (long)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(Qualified(image)))) % 180_000_000);

    /// <summary>A containerd container ID: <c>containerd://</c> + 64 hex digits.</summary>
    public static string ContainerId(string podUid, string container, int restart) =>
        "containerd://" + Hex($"{podUid}/{container}/{restart}", 64);

    private static string Hex(string seed, int length) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed))).ToLowerInvariant()[..length];
}
