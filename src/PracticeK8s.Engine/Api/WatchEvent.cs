namespace PracticeK8s.Engine.Api;

/// <summary>One change seen by a watch: ADDED, MODIFIED or DELETED, and the object as it is (or was, when deleted).</summary>
public sealed record WatchEvent(string Type, object Object);
