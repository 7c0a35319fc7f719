namespace PracticeK8s.Engine.Api;

/// <summary>Where a list read by <see cref="KubeResourceClient.ListAsync"/> stands: its resourceVersion, from which a watch continues.</summary>
public sealed class ListPosition
{
    public string? ResourceVersion { get; set; }
}
