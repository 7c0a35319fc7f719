using System.Management.Automation;
using PracticeK8s.Cmdlets.Write;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Edit;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Edit;

/// <summary>
/// kubectl edit: opens an object's YAML in $env:KUBE_EDITOR, $env:EDITOR or the platform default
/// (vi, notepad) and applies what changed as a patch (field manager kubectl-edit).
/// </summary>
[Cmdlet(VerbsData.Edit, "KubeResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class EditKubeResourceCommand : KubeWriteCmdlet
{
    private const string NameSet = "Name";
    private const string ObjectSet = "Object";

    /// <summary>The kind: kind, plural or short name, optionally group-qualified ("deployments.apps").</summary>
    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string Kind { get; set; } = "";

    /// <summary>The object's name.</summary>
    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(ObjectNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>Objects from Get cmdlets; each is edited in turn (its latest state is read first).</summary>
    [Parameter(ParameterSetName = ObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Write the edited object instead of the result line.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var session = ResolveTarget();
        var discovery = Discovery.For(session.Connection);
        ObjectTarget target;
        if (ParameterSetName == NameSet)
        {
            var kinds = await discovery.ResolveAsync(Kind, cancel).ConfigureAwait(false);
            var kind = kinds[0];
            target = new ObjectTarget(kind, kind.Namespaced ? session.Namespace : null, Name);
        }
        else
        {
            try
            {
                var reference = InputReference.From(InputObject);
                if (reference.Kind is null || reference.ApiVersion is null)
                    throw new KubeException("the input object has no apiVersion and kind; use -Kind and -Name", "KubeInputInvalid", ErrorCategory.InvalidArgument, InputObject);
                var kind = await discovery.ForObjectAsync(reference.ApiVersion, reference.Kind, cancel).ConfigureAwait(false);
                target = new ObjectTarget(kind, kind.Namespaced ? reference.Namespace ?? session.Namespace : null, reference.Name);
            }
            catch (KubeException e)
            {
                PostError(e.ToErrorRecord(InputObject));
                return;
            }
        }

        if (!await ShouldProcessAsync(target.Describe(), "Edit", cancel).ConfigureAwait(false))
            return;
        var editor = EditorCommand.FromEnvironment();
        PostVerbose($"editing {target.Describe()} with \"{editor.Setting}\"");
        EditOutcome outcome;
        try
        {
            outcome = await new EditSession(session.Connection, editor.RunAsync).EditAsync(target, cancel).ConfigureAwait(false);
        }
        catch (KubeException e)
        {
            PostError(e.ToErrorRecord(target.Describe()));
            return;
        }
        if (outcome.Notice is not null)
            PostNotice(outcome.Notice);
        if (outcome.Result is not null)
            PostResult(outcome.Result, PassThru);
    }
}
