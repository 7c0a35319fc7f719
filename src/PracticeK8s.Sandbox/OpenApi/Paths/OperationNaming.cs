using System.Globalization;

namespace PracticeK8s.Sandbox.OpenApi.Paths;

/// <summary>
/// Operation ids, tags and descriptions in kube-apiserver's pattern:
/// listCoreV1NamespacedPod, patchAppsV1NamespacedDeploymentScale, tag "networking_v1",
/// "partially update the specified Deployment".
/// </summary>
internal sealed class OperationNaming
{
    public OperationNaming(string group, string version)
    {
        var words = GroupWords(group);
        Tag = string.Concat(words.Take(1).Concat(words.Skip(1).Select(Capitalise))) + "_" + version;
        GroupVersionToken = string.Concat(words.Select(Capitalise)) + Capitalise(version);
    }

    /// <summary>"core_v1", "apps_v1", "rbacAuthorization_v1".</summary>
    public string Tag { get; }

    /// <summary>"CoreV1", "AppsV1", "NetworkingV1".</summary>
    public string GroupVersionToken { get; }

    // "" -> core; "networking.k8s.io" -> networking; "rbac.authorization.k8s.io" -> rbac, authorization;
    // a custom group keeps every label: "stable.example.com" -> stable, example, com.
    private static string[] GroupWords(string group)
    {
        if (group.Length == 0) return ["core"];
        var trimmed = group.EndsWith(".k8s.io", StringComparison.Ordinal) ? group[..^".k8s.io".Length] : group;
        return trimmed.Split('.', '-').Where(w => w.Length > 0).ToArray();
    }

    public static string Capitalise(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    /// <summary>verb + group-version + scope + kind + suffix: ("read", "Namespaced", "Pod", "Status").</summary>
    public string Id(string verb, string scope, string kind, string suffix = "") =>
        verb + GroupVersionToken + scope + kind + suffix;

    /// <summary>kube-apiserver's article: none for plurals ("Endpoints"), "an" before a vowel.</summary>
    public static string Article(string kind)
    {
        if (kind.EndsWith('s') && !kind.EndsWith("ss", StringComparison.Ordinal)) return " ";
        return "AEIOUaeiou".Contains(kind[0]) ? " an " : " a ";
    }
}
