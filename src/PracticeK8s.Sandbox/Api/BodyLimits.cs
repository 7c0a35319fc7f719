namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// The budgets every request body is read and parsed within, checked before anything large is allocated.
/// </summary>
public static class BodyLimits
{
    /// <summary>kube-apiserver's default limit for a write's body (3 MiB); larger bodies get 413.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>
    /// Nesting of objects and arrays in a JSON or YAML body. 64 is System.Text.Json's own default, which the
    /// stored forms of objects are read with; deeper bodies could never be stored anyway.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Nodes that YAML aliases may add when expanded (an "alias bomb" of a few hundred bytes would otherwise
    /// expand to billions). Real manifests reuse a few small anchors, far below this.
    /// </summary>
    public const int MaxAliasExpansion = 100_000;

    /// <summary>
    /// After a 413, how much more of the refused body is read and thrown away so that a client still sending it
    /// can read the answer (most clients only read a response once their body is sent); past this, or after
    /// <see cref="DiscardTime"/>, the connection is closed instead.
    /// </summary>
    public const long MaxDiscardBytes = 128L * 1024 * 1024;
    public static readonly TimeSpan DiscardTime = TimeSpan.FromSeconds(5);

    public static ApiException TooLarge() =>
        new(413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxBytes}");

    public static ApiException TooDeep() =>
        ApiException.BadRequest($"error converting YAML to JSON: yaml: exceeded max depth of {MaxDepth}");
}
