using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Runtime.Volumes;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Kubelet.Volumes;

/// <summary>
/// The kubelet's volume manager: a pod's volumes as directories it owns, and each container's mounts.
/// <list type="bullet">
/// <item>emptyDir, configMap, secret, downwardAPI, projected: <c>KUBELET/pods/UID/volumes/NAME</c> (0700;
/// KUBELET is private to the sandbox's user), removed with the pod; the projected kinds written by
/// <see cref="AtomicWriter"/> and rewritten when their objects change (<see cref="Refresh"/>).</item>
/// <item>PVCs: the bound PV's directory <c>DATA/volumes/PV</c>, which outlives pods and goes when the PV
/// object does (<see cref="RemoveDeletedVolumes"/>); a PV with <c>hostPath</c> or <c>local</c> is that path.</item>
/// <item>hostPath: the host path itself, checked or created per its type.</item>
/// </list>
/// </summary>
public sealed class PodVolumes
{
    private readonly ClusterAccess _cluster;
    private readonly ServiceAccountTokens? _tokens;
    private readonly ProjectedFiles _projected;
    private readonly string _podsDirectory, _persistentDirectory;
    /// <summary>Issued tokens by pod uid/volume/path, reused until 80% of their lifetime (as kubelet's token manager).</summary>
    private readonly ConcurrentDictionary<string, (byte[] Token, DateTimeOffset Issued, DateTimeOffset Expires)> _issued = new();
    /// <summary>A hash of each written volume's files, so unchanged content costs no disk reads.</summary>
    private readonly ConcurrentDictionary<string, string> _written = new();

    public PodVolumes(ClusterAccess cluster, ServiceAccountTokens? tokens, string kubeletDirectory, string persistentDirectory, string? rootCaPem = null)
    {
        _cluster = cluster;
        _tokens = tokens;
        _projected = new ProjectedFiles(cluster, Token, rootCaPem);
        _podsDirectory = Path.Combine(kubeletDirectory, "pods");
        _persistentDirectory = persistentDirectory;
    }

    /// <summary>Where a pod's own volumes live.</summary>
    public string PodDirectory(string podUid) => Path.Combine(_podsDirectory, podUid, "volumes");

    /// <summary>Where a persistent volume's data lives (when it is not a hostPath/local PV).</summary>
    public string PersistentVolumeDirectory(string pvName) => Path.Combine(_persistentDirectory, pvName);

    /// <summary>
    /// Sets up every volume of the pod and returns each container's mounts (init containers too);
    /// throws <see cref="VolumeSetUpException"/> while one cannot be (a missing configMap, a claim not bound...).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ContainerMount>> SetUp(V1Pod pod)
    {
        var paths = new Dictionary<string, (string Path, bool ReadOnly)>(StringComparer.Ordinal);
        foreach (var volume in pod.Spec.Volumes ?? new List<V1Volume>()) paths[volume.Name] = SetUpVolume(pod, volume);
        var result = new Dictionary<string, IReadOnlyList<ContainerMount>>(StringComparer.Ordinal);
        foreach (var c in pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? new List<V1Container>()))
        {
            var mounts = new List<ContainerMount>();
            foreach (var m in c.VolumeMounts ?? new List<V1VolumeMount>())
            {
                if (!paths.TryGetValue(m.Name, out var volume)) throw new VolumeSetUpException(m.Name, $"volume \"{m.Name}\" not found in the pod's volumes");
                string host;
                try { host = string.IsNullOrEmpty(m.SubPath) ? volume.Path : SubPath(m.Name, volume.Path, m.SubPath); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new VolumeSetUpException(m.Name, e.Message); }
                var fromSubPath = !string.IsNullOrEmpty(m.SubPath);
                var mount = new ContainerMount(m.MountPath, host, m.ReadOnlyProperty == true || volume.ReadOnly, fromSubPath,
                    fromSubPath && !OperatingSystem.IsWindows() ? FileNative.RealPath(volume.Path) : null);
                if (MountList.Problem(mount) is { } problem) throw new VolumeSetUpException(m.Name, problem);
                mounts.Add(mount);
            }
            result[c.Name] = mounts;
        }
        return result;
    }

    /// <summary>Rewrites the pod's configMap/secret/downwardAPI/projected volumes whose content changed; false when one could not be read.</summary>
    public bool Refresh(V1Pod pod)
    {
        var ok = true;
        foreach (var volume in pod.Spec.Volumes ?? new List<V1Volume>())
        {
            if (volume.ConfigMap is null && volume.Secret is null && volume.DownwardAPI is null && volume.Projected is null) continue;
            // Upstream keeps the last content when an object goes away; so does this.
            try { SetUpVolume(pod, volume); }
            catch (VolumeSetUpException) { ok = false; }
        }
        return ok;
    }

    /// <summary>One volume; a file system error (a hostPath this user may not create...) is that volume's FailedMount, not the kubelet's.</summary>
    private (string Path, bool ReadOnly) SetUpVolume(V1Pod pod, V1Volume volume)
    {
        try { return SetUpVolumeUnchecked(pod, volume); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new VolumeSetUpException(volume.Name, e.Message);
        }
    }

    private (string Path, bool ReadOnly) SetUpVolumeUnchecked(V1Pod pod, V1Volume volume)
    {
        var own = Path.Combine(PodDirectory(pod.Metadata.Uid), volume.Name);
        if (_projected.For(pod, volume) is { } files)
        {
            foreach (var f in files)
                if (AtomicWriter.PathProblem(f.Path) is { } problem) throw new VolumeSetUpException(volume.Name, $"invalid path {f.Path}: {problem}");
            var hash = Hash(files);
            if (!_written.TryGetValue(own, out var last) || last != hash || !Directory.Exists(own))
            {
                AtomicWriter.Write(own, files);
                _written[own] = hash;
            }
            return (own, true); // the kubelet mounts these read-only
        }
        if (volume.HostPath is { } hostPath) return (HostPathVolume.SetUp(volume.Name, hostPath.Path, hostPath.Type), false);
        if (volume.PersistentVolumeClaim is { } claim) return (Claim(pod, volume.Name, claim.ClaimName), claim.ReadOnlyProperty == true);
        // emptyDir (medium Memory too: a plain directory here), and any other inline kind: an empty directory of the pod.
        PrivateFiles.CreateDirectory(own);
        return (own, false);
    }

    private static string Hash(List<VolumeFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{f.Path}\0{(int)f.Mode}\0{f.Content.Length}\0"));
            sha.AppendData(f.Content);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private string Claim(V1Pod pod, string volume, string claimName)
    {
        var claim = _cluster.Get<V1PersistentVolumeClaim>("/persistentvolumeclaims", pod.Namespace(), claimName)?.Model
                    ?? throw new VolumeSetUpException(volume, $"persistentvolumeclaim \"{claimName}\" not found");
        if (claim.Status?.Phase != "Bound" || string.IsNullOrEmpty(claim.Spec.VolumeName))
            throw new VolumeSetUpException(volume, $"persistentvolumeclaim \"{claimName}\" is not bound");
        var pv = _cluster.Get<V1PersistentVolume>("/persistentvolumes", "", claim.Spec.VolumeName)?.Model
                 ?? throw new VolumeSetUpException(volume, $"persistentvolume \"{claim.Spec.VolumeName}\" not found");
        if (pv.Spec.HostPath is { } hp) return HostPathVolume.SetUp(volume, hp.Path, hp.Type);
        if (pv.Spec.Local?.Path is { } local) return HostPathVolume.SetUp(volume, local, "Directory");
        var dir = PersistentVolumeDirectory(pv.Metadata.Name);
        PrivateFiles.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A subPath of a volume: created as a directory when missing, and refused when it resolves outside the volume (a link the pod planted).</summary>
    private static string SubPath(string volume, string volumePath, string subPath)
    {
        if (AtomicWriter.PathProblem(subPath.TrimEnd('/')) is { } problem) throw new VolumeSetUpException(volume, $"subPath \"{subPath}\" {problem}");
        var path = Path.Combine(volumePath, subPath.TrimEnd('/'));
        if (!File.Exists(path) && !Directory.Exists(path) && new FileInfo(path).LinkTarget is null) PrivateFiles.CreateDirectory(path);
        if (OperatingSystem.IsWindows()) return path;
        var real = FileNative.RealPath(path);
        var realVolume = FileNative.RealPath(volumePath);
        if (real is null || realVolume is null || !(real == realVolume || real.StartsWith(realVolume.TrimEnd('/') + "/", StringComparison.Ordinal)))
            throw new VolumeSetUpException(volume, $"subPath \"{subPath}\" resolves outside the volume");
        // Unresolved: an isolated container's start resolves and checks it again (MountList's volume root), and
        // a host-mode link to it keeps following a configMap key's ..data link instead of a payload that goes.
        return path;
    }

    /// <summary>The token file of a serviceAccountToken projection: a token bound to the pod, renewed after 80% of its life.</summary>
    private byte[] Token(V1Pod pod, string volume, V1ServiceAccountTokenProjection projection)
    {
        if (_tokens is null) throw new VolumeSetUpException(volume, "no service account token issuer");
        var key = $"{pod.Metadata.Uid}/{volume}/{projection.Path}";
        var now = DateTimeOffset.UtcNow;
        if (_issued.TryGetValue(key, out var cached) && now < cached.Issued + (cached.Expires - cached.Issued) * 0.8) return cached.Token;
        var saName = string.IsNullOrEmpty(pod.Spec.ServiceAccountName) ? "default" : pod.Spec.ServiceAccountName;
        var sa = _cluster.Get<V1ServiceAccount>("/serviceaccounts", pod.Namespace(), saName)
                 ?? throw new VolumeSetUpException(volume, $"failed to fetch token: serviceaccounts \"{saName}\" not found");
        var seconds = Math.Max(projection.ExpirationSeconds ?? 3600, 600);
        var node = string.IsNullOrEmpty(pod.Spec.NodeName) ? null : _cluster.Get<V1Node>("/nodes", "", pod.Spec.NodeName);
        var expires = now.AddSeconds(seconds);
        var token = _tokens.Issue(new ServiceAccountClaims(pod.Namespace(), saName, sa.Uid, pod.Metadata.Name, pod.Metadata.Uid, expires),
            pod.Spec.NodeName, node?.Uid, string.IsNullOrEmpty(projection.Audience) ? ServiceAccountTokens.ApiAudience : projection.Audience);
        var bytes = Encoding.ASCII.GetBytes(token);
        _issued[key] = (bytes, now, expires);
        return bytes;
    }

    /// <summary>Removes a pod's volumes (emptyDir content goes with the pod; PV directories stay).</summary>
    public void TearDown(string podUid)
    {
        foreach (var key in _issued.Keys.Where(k => k.StartsWith(podUid + "/", StringComparison.Ordinal)).ToList()) _issued.TryRemove(key, out _);
        var dir = Path.Combine(_podsDirectory, podUid);
        foreach (var key in _written.Keys.Where(k => k.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList()) _written.TryRemove(key, out _);
        DeleteTree(dir);
    }

    /// <summary>Volumes of pods neither in the API nor in the runtime any more (a removal the kubelet missed, an earlier run).</summary>
    public void RemoveOrphans(IReadOnlySet<string> keep)
    {
        if (!Directory.Exists(_podsDirectory)) return;
        foreach (var dir in Directory.EnumerateDirectories(_podsDirectory))
            if (!keep.Contains(Path.GetFileName(dir))) TearDown(Path.GetFileName(dir));
    }

    /// <summary>Directories of persistent volumes whose PV object is gone (reclaim Delete after the claim went, or the PV deleted).</summary>
    public void RemoveDeletedVolumes(IReadOnlySet<string> existing)
    {
        if (!Directory.Exists(_persistentDirectory)) return;
        foreach (var dir in Directory.EnumerateDirectories(_persistentDirectory))
            if (!existing.Contains(Path.GetFileName(dir))) DeleteTree(dir);
    }

    /// <summary>Deletes a tree without following links out of it (.NET removes a link, not its target).</summary>
    private static void DeleteTree(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
