using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Delete;

/// <summary>
/// Remove-Kube&lt;Kind&gt; for one built-in kind: by name (wildcards), by label selector, or piped
/// objects. Piped objects of another kind are refused (a Deployment piped into Remove-KubePod
/// must not delete a pod of the same name). Piped objects are deleted at the end of the pipeline,
/// asked about once as a group when there are several.
/// </summary>
public abstract class RemoveKubeTypedCommand : RemoveKubeObjectCommand
{
    protected const string NameSet = "Name";
    protected const string SelectorSet = "Selector";
    protected const string ObjectSet = "Object";

    protected abstract ResourceKind Kind { get; }

    /// <summary>Names to delete; wildcards match against the current list.</summary>
    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ObjectNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A label selector: "app=web,tier!=db" or a hashtable of labels.</summary>
    [Parameter(ParameterSetName = SelectorSet, Mandatory = true)]
    [Alias("l", "LabelSelector")]
    public object? Selector { get; set; }

    /// <summary>Objects from Get cmdlets (or names as strings).</summary>
    [Parameter(ParameterSetName = ObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    private readonly List<ObjectTarget> _piped = [];

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var session = ResolveTarget();
        var kind = Kind;
        switch (ParameterSetName)
        {
            case NameSet:
            {
                var exact = Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n))
                    .Select(n => new ObjectTarget(kind, kind.Namespaced ? session.Namespace : null, n)).ToList();
                await DeleteAsync(session, exact, asGroup: false, null, cancel).ConfigureAwait(false);
                var wild = Name.Where(WildcardPattern.ContainsWildcardCharacters).ToList();
                if (wild.Count > 0)
                    await DeleteAsync(session, await MatchAsync(session, kind, session.Namespace, null, null, wild, cancel).ConfigureAwait(false), asGroup: true, null, cancel).ConfigureAwait(false);
                break;
            }
            case SelectorSet:
            {
                var matched = await MatchAsync(session, kind, session.Namespace, Selectors.FromArgument(Selector), null, null, cancel).ConfigureAwait(false);
                if (matched.Count == 0)
                    PostVerbose(kind.Namespaced ? $"No resources found in {session.Namespace} namespace." : "No resources found");
                await DeleteAsync(session, matched, asGroup: true, null, cancel).ConfigureAwait(false);
                break;
            }
            case ObjectSet when InputObject is not null:
            {
                ObjectTarget target;
                try
                {
                    target = InputReference.From(InputObject).For(kind, session.Namespace, MyInvocation.MyCommand.Name);
                }
                catch (KubeException e)
                {
                    PostError(e.ToErrorRecord(InputObject));
                    return;
                }
                _piped.Add(target);
                break;
            }
        }
    }

    protected override async Task EndProcessingAsync(CancellationToken cancel)
    {
        if (_piped.Count > 0)
            await DeleteAsync(ResolveTarget(), _piped, asGroup: true, null, cancel).ConfigureAwait(false);
        await base.EndProcessingAsync(cancel).ConfigureAwait(false);
    }
}

[Cmdlet(VerbsCommon.Remove, "KubePod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubePodCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.Pod;
}

[Cmdlet(VerbsCommon.Remove, "KubeDeployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeDeploymentCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.Deployment;
}

[Cmdlet(VerbsCommon.Remove, "KubeReplicaSet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeReplicaSetCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.ReplicaSet;
}

[Cmdlet(VerbsCommon.Remove, "KubeStatefulSet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeStatefulSetCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.StatefulSet;
}

[Cmdlet(VerbsCommon.Remove, "KubeDaemonSet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeDaemonSetCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.DaemonSet;
}

[Cmdlet(VerbsCommon.Remove, "KubeService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeServiceCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.Service;
}

[Cmdlet(VerbsCommon.Remove, "KubeConfigMap", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeConfigMapCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.ConfigMap;
}

[Cmdlet(VerbsCommon.Remove, "KubeSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeSecretCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.Secret;
}

[Cmdlet(VerbsCommon.Remove, "KubeJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeJobCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.Job;
}

[Cmdlet(VerbsCommon.Remove, "KubeNamespace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubeNamespaceCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.Namespace;
}

[Cmdlet(VerbsCommon.Remove, "KubePersistentVolumeClaim", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubePersistentVolumeClaimCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.PersistentVolumeClaim;
}

[Cmdlet(VerbsCommon.Remove, "KubePersistentVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult")]
public sealed class RemoveKubePersistentVolumeCommand : RemoveKubeTypedCommand
{
    protected override ResourceKind Kind => KindCatalog.PersistentVolume;
}
