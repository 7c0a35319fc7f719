using System.Management.Automation;
using PracticeK8s.Engine.Auth;

namespace PracticeK8s.Cmdlets.Auth;

/// <summary>
/// kubectl auth can-i --list: what the context's user may do in the namespace (SelfSubjectRulesReview),
/// one row per resource or URL with its verbs, printed and sorted as kubectl prints them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeAccessRule")]
[OutputType(typeof(AccessRule))]
public sealed class GetKubeAccessRuleCommand : KubeCmdlet
{
    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var target = ResolveTarget();
        var rules = await new AccessReviews(target.Api).RulesAsync(target.Namespace, cancel).ConfigureAwait(false);
        var decorations = Formatting.PlainTable.Decorations(["Resources", "Non-Resource URLs", "Resource Names", "Verbs"],
            rules.Select(r => (IReadOnlyList<string>)[r.Resources, List(r.NonResourceURLs), List(r.ResourceNames), List(r.Verbs)]).ToList());
        for (int i = 0; i < rules.Count; i++)
            PostObject(rules[i], decorations[i]);
    }

    /// <summary>A list cell as kubectl prints one (Go's %v of a slice): "[get list]", "[]".</summary>
    private static string List(IReadOnlyList<string> values) => "[" + string.Join(' ', values) + "]";
}
