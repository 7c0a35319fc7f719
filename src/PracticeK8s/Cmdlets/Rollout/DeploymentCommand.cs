using System.Management.Automation;
using PracticeK8s.Cmdlets.Write;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Cmdlets.Rollout;

/// <summary>Base of the rollout cmdlets: Deployments by name or from the pipeline (other kinds refused).</summary>
public abstract class DeploymentCommand : KubeWriteCmdlet
{
    protected const string NameSet = "Name";
    protected const string ObjectSet = "Object";

    /// <summary>Names of the Deployments.</summary>
    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(DeploymentNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>Deployments from Get-KubeDeployment (or names).</summary>
    [Parameter(ParameterSetName = ObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    protected sealed override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var session = ResolveTarget();
        var targets = new List<ObjectTarget>();
        if (ParameterSetName == NameSet)
        {
            targets.AddRange(Name.Select(n => new ObjectTarget(KindCatalog.Deployment, session.Namespace, n)));
        }
        else
        {
            try
            {
                targets.Add(InputReference.From(InputObject).For(KindCatalog.Deployment, session.Namespace, MyInvocation.MyCommand.Name));
            }
            catch (KubeException e)
            {
                PostError(e.ToErrorRecord(InputObject));
                return;
            }
        }
        foreach (var target in targets)
        {
            try
            {
                await ProcessDeploymentAsync(session, target, cancel).ConfigureAwait(false);
            }
            catch (KubeException e)
            {
                PostError(e.ToErrorRecord(target.Describe()));
            }
        }
    }

    protected abstract Task ProcessDeploymentAsync(KubeTarget session, ObjectTarget deployment, CancellationToken cancel);
}
