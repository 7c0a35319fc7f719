namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>An x-kubernetes-group-version-kind entry.</summary>
internal readonly record struct GroupVersionKind(string Group, string Version, string Kind);
