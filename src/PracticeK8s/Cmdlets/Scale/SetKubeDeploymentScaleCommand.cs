using System.Management.Automation;
using PracticeK8s.Cmdlets.Write;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Scale;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Scale;

/// <summary>
/// kubectl scale for Deployments (and, with -Kind or piped objects, ReplicaSets and StatefulSets)
/// through the scale subresource; -CurrentReplicas makes it conditional; -Wait waits until the
/// controller reports as many ready replicas as asked.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KubeDeploymentScale", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType("PracticeK8s.Engine.Changes.ChangeResult", "k8s.Models.V1Deployment")]
public sealed class SetKubeDeploymentScaleCommand : KubeWriteCmdlet
{
    private const string NameSet = "Name";
    private const string ObjectSet = "Object";

    /// <summary>Names of the objects to scale.</summary>
    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(ObjectNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>Deployments, ReplicaSets or StatefulSets from the pipeline (or names).</summary>
    [Parameter(ParameterSetName = ObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The number of replicas wanted (0 or more).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateRange(0, int.MaxValue)]
    public int Replicas { get; set; }

    /// <summary>The kind to scale by name: Deployment (default), ReplicaSet or StatefulSet.</summary>
    [Parameter]
    [ValidateSet("Deployment", "ReplicaSet", "StatefulSet")]
    public string Kind { get; set; } = "Deployment";

    /// <summary>Scale only if the current replica count is this (kubectl --current-replicas); -1 means no condition.</summary>
    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int? CurrentReplicas { get; set; }

    /// <summary>Scale only if the object's resourceVersion is this (kubectl --resource-version).</summary>
    [Parameter]
    public string? ResourceVersion { get; set; }

    /// <summary>Wait until the controller reports the new number of ready replicas.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: give up after this many seconds (default 300).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Timeout { get; set; } = 300;

    /// <summary>Ask the server to validate the change without storing it.</summary>
    [Parameter]
    public SwitchParameter DryRun { get; set; }

    /// <summary>Write the scaled object (after -Wait, as it stands then) instead of the result line.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var session = ResolveTarget();
        var byName = Scaler.ScalableKinds.First(k => k.Kind == Kind);
        var targets = new List<ObjectTarget>();
        if (ParameterSetName == NameSet)
        {
            if (ResourceVersion is not null && Name.Length > 1)
                throw new KubeException("cannot use -ResourceVersion with multiple resources", "KubeInvalidArguments", ErrorCategory.InvalidArgument);
            targets.AddRange(Name.Select(n => new ObjectTarget(byName, session.Namespace, n)));
        }
        else if (InputObject is not null)
        {
            try
            {
                var reference = InputReference.From(InputObject);
                var kind = reference.Kind is null || MyInvocation.BoundParameters.ContainsKey(nameof(Kind))
                    ? byName
                    : Scaler.ScalableKinds.FirstOrDefault(k => k.Kind.Equals(reference.Kind, StringComparison.OrdinalIgnoreCase))
                      ?? throw new KubeException($"a {reference.Kind} cannot be scaled (only Deployments, ReplicaSets and StatefulSets)", "KubeKindMismatch",
                          ErrorCategory.InvalidArgument, reference.Name);
                targets.Add(reference.For(kind, session.Namespace, MyInvocation.MyCommand.Name));
            }
            catch (KubeException e)
            {
                PostError(e.ToErrorRecord(InputObject));
                return;
            }
        }

        var scaler = new Scaler(session.Connection);
        foreach (var target in targets)
        {
            if (!await ShouldProcessAsync(target.Describe(), $"Scale to {Replicas} replicas", cancel).ConfigureAwait(false))
                continue;
            try
            {
                var result = await scaler.ScaleAsync(target, Replicas, CurrentReplicas, ResourceVersion, DryRun, cancel).ConfigureAwait(false);
                if (Wait && !DryRun)
                {
                    var progress = new Progress(this, $"Scaling {target.Slashed} to {Replicas}");
                    try
                    {
                        var ready = await scaler.WaitReadyAsync(target, Replicas, TimeSpan.FromSeconds(Timeout),
                            state => progress.Update(state.ToString(), state.PercentComplete), cancel).ConfigureAwait(false);
                        PostVerbose($"{target.Slashed}: {Replicas} replicas ready");
                        if (PassThru)
                        {
                            PostObject(ready);
                            continue;
                        }
                    }
                    finally
                    {
                        progress.Complete();
                    }
                }
                PostResult(result, PassThru);
            }
            catch (KubeException e)
            {
                PostError(e.ToErrorRecord(target.Describe()));
            }
        }
    }
}
