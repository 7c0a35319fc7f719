using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// The outcome of a server-side apply: the object to store (with its new managedFields), or the conflicts
/// that stop it (answer 409 with <see cref="ConflictMessage"/>).
/// </summary>
public sealed record ServerSideApplyResult(
    JsonObject? Object,
    JsonArray? ManagedFields,
    IReadOnlyList<ApplyConflict> Conflicts,
    bool Changed)
{
    public bool Succeeded => Conflicts.Count == 0;

    public string? ConflictMessage => Succeeded ? null : ApplyConflict.Message(Conflicts);

    /// <summary>The object, or a <see cref="PatchErrorKind.Conflict"/> exception carrying the conflict message.</summary>
    public JsonObject ObjectOrThrow() =>
        Succeeded ? Object! : throw new PatchException(PatchErrorKind.Conflict, ConflictMessage!);
}
