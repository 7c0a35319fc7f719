using System.Text.RegularExpressions;

namespace PracticeK8s.Sandbox.Resources.Validation;

/// <summary>The object-name rules (DNS-1123 subdomain/label, DNS-1035 label, path segment) with upstream messages.</summary>
public static partial class NameRules
{
    public const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    public const string LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    public const string Dns1035Message =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035();

    /// <summary>Messages explaining why <paramref name="name"/> breaks <paramref name="rule"/>; empty when valid.</summary>
    public static List<string> Check(NameRule rule, string name)
    {
        var errors = new List<string>();
        switch (rule)
        {
            case NameRule.Subdomain:
                if (name.Length > 253) errors.Add("must be no more than 253 characters");
                if (!Subdomain().IsMatch(name)) errors.Add(SubdomainMessage);
                break;
            case NameRule.Label:
                if (name.Length > 63) errors.Add("must be no more than 63 characters");
                if (!Label().IsMatch(name)) errors.Add(LabelMessage);
                break;
            case NameRule.Dns1035:
                if (name.Length > 63) errors.Add("must be no more than 63 characters");
                if (!Dns1035().IsMatch(name)) errors.Add(Dns1035Message);
                break;
            case NameRule.PathSegment:
                if (name is "." or "..") errors.Add($"may not be '{name}'");
                foreach (var bad in new[] { "/", "%" })
                    if (name.Contains(bad)) errors.Add($"may not contain '{bad}'");
                break;
        }
        return errors;
    }

    public static NameRule RuleFor(ResourceDefinition def) => def switch
    {
        { Group: "", Plural: "namespaces" } => NameRule.Label,
        { Group: "", Plural: "services" } => NameRule.Dns1035,
        { Group: "rbac.authorization.k8s.io" } => NameRule.PathSegment,
        { Group: "", Plural: "events" } or { Group: "events.k8s.io" } => NameRule.PathSegment,
        _ => NameRule.Subdomain,
    };

    public static bool IsLabel(string s) => s.Length <= 63 && Label().IsMatch(s);
}

public enum NameRule { Subdomain, Label, Dns1035, PathSegment }
