namespace PracticeK8s.Sandbox.Kubelet.Volumes;

/// <summary>A volume that cannot be set up yet; the pod stays ContainerCreating with kubelet's FailedMount event.</summary>
public sealed class VolumeSetUpException(string volume, string problem)
    : Exception($"MountVolume.SetUp failed for volume \"{volume}\" : {problem}")
{
    public string Volume { get; } = volume;
}
