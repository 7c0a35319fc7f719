namespace PracticeK8s.Sandbox.Runtime.Volumes;

/// <summary>
/// One volume mount of a container, as the kubelet resolved it: <paramref name="HostPath"/> (a
/// directory or file the kubelet owns, or a hostPath) appears at <paramref name="ContainerPath"/>.
/// A subPath mount also names its volume (<paramref name="VolumeRoot"/>): when the container starts,
/// the subPath must still resolve inside it (another container of the pod may have swapped it for a link).
/// </summary>
public sealed record ContainerMount(string ContainerPath, string HostPath, bool ReadOnly, bool FromSubPath = false, string? VolumeRoot = null);
