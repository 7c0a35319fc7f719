namespace PracticeK8s.Merge;

/// <summary>How a failed patch maps onto an API error: 400 BadRequest, 422 Invalid, 409 Conflict.</summary>
public enum PatchErrorKind
{
    BadRequest,
    Invalid,
    Conflict,
}
