using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Runtime.Images;

/// <summary>What a built-in image's simulated process knows about where it runs.</summary>
/// <param name="Mounts">The container's volumes: the simulated process runs in the sandbox, outside the
/// container's mount namespace, so it finds a path under a mount point in the volume's own directory.</param>
public sealed record ImageContext(string PodName, string PodNamespace, string ContainerName, ImageReference Image,
    IReadOnlyDictionary<string, string> Env, string RootDirectory, IReadOnlyList<int> DeclaredPorts,
    IReadOnlyList<Volumes.ContainerMount>? Mounts = null)
{
    /// <summary>Where a container path (absolute, normalized) is on the host: in the volume mounted deepest above it, else in the container's root.</summary>
    public string HostPathOf(string containerPath)
    {
        var path = "/" + containerPath.Trim('/');
        var mount = (Mounts ?? Array.Empty<Volumes.ContainerMount>())
            .Where(m => path == m.ContainerPath || path.StartsWith(m.ContainerPath.TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(m => m.ContainerPath.Length);
        return mount is null
            ? Path.Combine(RootDirectory, path.TrimStart('/'))
            : Path.Combine(mount.HostPath, path[mount.ContainerPath.TrimEnd('/').Length..].TrimStart('/'));
    }
}

/// <summary>
/// A simulated server image: the lines it logs when it starts, the files it ships (seeded into the
/// container's root directory), the ports it answers HTTP on and how it answers.
/// </summary>
public abstract class BuiltinImage
{
    /// <summary>Whether this image is the one named (by its repository).</summary>
    public abstract bool Matches(ImageReference image);

    public abstract IEnumerable<string> StartupLog(ImageContext context, DateTime now);

    /// <summary>The command line its main process shows in <c>ps</c> (an isolated container's PID 1 takes this name).</summary>
    public virtual string ProcessName(ImageContext context) => "/" + context.Image.ShortName;

    /// <summary>Files (path relative to the container root → content) the image brings.</summary>
    public virtual IEnumerable<(string Path, string Content)> Files(ImageContext context) => Array.Empty<(string, string)>();

    /// <summary>The ports it serves HTTP on (none for non-HTTP images).</summary>
    public virtual IEnumerable<int> HttpPorts(ImageContext context) => Array.Empty<int>();

    /// <summary>The ports it serves HTTPS on (a subset of <see cref="HttpPorts"/>).</summary>
    public virtual IEnumerable<int> HttpsPorts(ImageContext context) => Array.Empty<int>();

    /// <summary>The certificate an HTTPS port presents for a TLS server name (SNI; null when the client sent none).</summary>
    public virtual System.Security.Cryptography.X509Certificates.X509Certificate2? ServerCertificate(ImageContext context, int port, string? serverName) => null;

    /// <summary>Answers one HTTP request; returns the log line to append (access log), if any.</summary>
    public virtual Task<string?> ServeAsync(ImageContext context, HttpContext http) => Task.FromResult<string?>(null);
}
