namespace PracticeK8s.Merge;

/// <summary>A field an apply would change that another manager owns.</summary>
public sealed record ApplyConflict(ManagedFieldsEntry Owner, FieldPath Path)
{
    /// <summary>The owner as Kubernetes names it: <c>"kubectl-client-side-apply" using apps/v1</c>.</summary>
    public string Manager => Owner.Description;

    /// <summary>The field as Kubernetes names it: <c>.spec.replicas</c>.</summary>
    public string Field => Path.ToString();

    /// <summary>The <c>details.causes[].message</c> of the 409 Status.</summary>
    public string CauseMessage => $"conflict with {Manager}";

    /// <summary>The <c>details.causes[].reason</c> of the 409 Status.</summary>
    public const string CauseReason = "FieldManagerConflict";

    /// <summary>The 409 Status message: <c>Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.replicas</c>.</summary>
    public static string Message(IReadOnlyList<ApplyConflict> conflicts)
    {
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: conflict with {conflicts[0].Manager}: {conflicts[0].Field}";
        }

        var lines = conflicts
            .GroupBy(c => c.Manager)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => new[] { $"conflicts with {g.Key}:" }.Concat(g.Select(c => $"- {c.Field}")));
        return $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
    }
}
