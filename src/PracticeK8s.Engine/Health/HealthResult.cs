namespace PracticeK8s.Engine.Health;

/// <summary>Whether one object is ready/healthy, and why not.</summary>
public sealed record HealthResult(string Kind, string? Namespace, string Name, bool Healthy, string Reason)
{
    public override string ToString() => $"{Kind.ToLowerInvariant()}/{Name}: {(Healthy ? "healthy" : Reason)}";
}
