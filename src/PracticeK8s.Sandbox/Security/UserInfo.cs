namespace PracticeK8s.Sandbox.Security;

/// <summary>Who a request is from, as the authenticator decided.</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups, bool CanWrite)
{
    public const string AdminName = "practicek8s-admin", ReadOnlyName = "practicek8s-readonly";

    public static readonly UserInfo Admin = new(AdminName, new[] { "system:masters", "system:authenticated" }, true);
    public static readonly UserInfo ReadOnly = new(ReadOnlyName, new[] { "practicek8s:readonly", "system:authenticated" }, false);
}
