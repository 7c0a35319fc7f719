using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>A stored object with its typed view (KubernetesClient model) for reading.</summary>
public sealed record Live<T>(StoredObject Stored, T Model) where T : class
{
    public string Name => Stored.Name;
    public string Namespace => Stored.Namespace;
    public string Uid => Stored.Uid;
    public bool IsBeingDeleted => Stored.IsBeingDeleted;
    public IReadOnlyDictionary<string, string> Labels => Stored.Labels;
}
