namespace PracticeK8s.Merge;

/// <summary>A patch could not be applied or computed; <see cref="Kind"/> says which API error it is.</summary>
public sealed class PatchException : Exception
{
    public PatchException(PatchErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public PatchErrorKind Kind { get; }

    /// <summary>The HTTP status code an API server answers with for this error.</summary>
    public int StatusCode => Kind switch
    {
        PatchErrorKind.Invalid => 422,
        PatchErrorKind.Conflict => 409,
        _ => 400,
    };

    internal static PatchException BadRequest(string message) => new(PatchErrorKind.BadRequest, message);

    internal static PatchException Invalid(string message) => new(PatchErrorKind.Invalid, message);
}
