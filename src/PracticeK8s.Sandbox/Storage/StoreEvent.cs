namespace PracticeK8s.Sandbox.Storage;

public enum StoreEventType { Added, Modified, Deleted }

/// <summary>One committed change: the new state (for Deleted the last state, with the delete's RV) and the state before.</summary>
public sealed record StoreEvent(StoreEventType Type, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;
    public string Key => Object.Key;
}
