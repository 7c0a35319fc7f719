using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Auth;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Auth;

/// <summary>
/// kubectl auth can-i VERB TYPE[/NAME] | URL: asks the server (SelfSubjectAccessReview) whether the
/// context's user may do it, in the current namespace, another (-Namespace) or all (-AllNamespaces).
/// $true or $false, or with -Detailed the question and the server's reason.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "KubeAccess")]
[OutputType(typeof(bool), typeof(AccessAnswer))]
public sealed class TestKubeAccessCommand : KubeCmdlet
{
    /// <summary>The verb: get, list, watch, create, update, patch, delete, deletecollection, *, …</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(AccessVerbCompleter))]
    public string Verb { get; set; } = "";

    /// <summary>A resource type (pods, deploy, deployments.apps, *), TYPE/NAME, or a non-resource URL starting with "/".</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string Resource { get; set; } = "";

    /// <summary>One object's name (kubectl: TYPE/NAME).</summary>
    [Parameter(Position = 2)]
    [ArgumentCompleter(typeof(ObjectNameCompleter))]
    public string? Name { get; set; }

    /// <summary>A subresource, such as log, exec or scale.</summary>
    [Parameter]
    public string? Subresource { get; set; }

    /// <summary>Ask about every namespace (kubectl -A).</summary>
    [Parameter]
    [Alias("A")]
    public SwitchParameter AllNamespaces { get; set; }

    /// <summary>Return the question and the server's answer and reason instead of $true/$false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var target = ResolveTarget();
        var resources = Resource.StartsWith('/') || Resource == "*" ? [] : await Discovery.For(target.Connection).ResourcesAsync(cancel).ConfigureAwait(false);
        var question = AccessQuestion.Resolve(resources, Verb, Resource, Name, Subresource, target.Namespace, AllNamespaces, PostWarning);
        var answer = await new AccessReviews(target.Api).AskAsync(question, cancel).ConfigureAwait(false);
        if (Detailed)
            PostObject(answer);
        else
            PostObject(answer.Allowed);
    }
}
