namespace PracticeK8s.Sandbox.Kubelet.Volumes;

/// <summary>One file of a configMap/secret/downwardAPI/projected volume: its path in the volume, content and mode.</summary>
public sealed record VolumeFile(string Path, byte[] Content, UnixFileMode Mode);
