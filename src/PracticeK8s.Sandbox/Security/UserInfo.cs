namespace PracticeK8s.Sandbox.Security;

/// <summary>Who a request is from, as the authenticator decided.</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups, bool CanWrite)
{
    public const string AdminName = "practicek8s-admin", ReadOnlyName = "practicek8s-readonly";

    public static readonly UserInfo Admin = new(AdminName, new[] { "system:masters", "system:authenticated" }, true);
    public static readonly UserInfo ReadOnly = new(ReadOnlyName, new[] { "practicek8s:readonly", "system:authenticated" }, false);

    /// <summary>A service account: with no RBAC modelled, it has what an unbound account has (discovery, self reviews).</summary>
    public bool IsServiceAccount { get; init; }

    public static UserInfo ServiceAccount(string ns, string name) =>
        new($"system:serviceaccount:{ns}:{name}", new[] { "system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated" }, false)
        { IsServiceAccount = true };
}
