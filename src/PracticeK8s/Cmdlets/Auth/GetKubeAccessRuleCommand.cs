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
        foreach (var rule in await new AccessReviews(target.Api).RulesAsync(target.Namespace, cancel).ConfigureAwait(false))
            PostObject(rule);
    }
}
