namespace PracticeK8s.Sandbox.Runtime.Volumes;

/// <summary>
/// One volume mount of a container, as the kubelet resolved it: <paramref name="HostPath"/> (a
/// directory or file the kubelet owns, or a hostPath) appears at <paramref name="ContainerPath"/>.
/// </summary>
public sealed record ContainerMount(string ContainerPath, string HostPath, bool ReadOnly, bool FromSubPath = false);
