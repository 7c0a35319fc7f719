using System.Management.Automation;
using PracticeK8s.Engine.Auth;

namespace PracticeK8s.Cmdlets.Auth;

/// <summary>kubectl auth whoami: the user the server sees for the context's credentials (SelfSubjectReview).</summary>
[Cmdlet(VerbsCommon.Get, "KubeIdentity")]
[OutputType(typeof(KubeIdentity))]
public sealed class GetKubeIdentityCommand : KubeCmdlet
{
    protected override async Task ProcessRecordAsync(CancellationToken cancel) =>
        PostObject(await new AccessReviews(ResolveTarget().Api).WhoAmIAsync(cancel).ConfigureAwait(false));
}
