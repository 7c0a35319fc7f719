using System.Management.Automation;
using PracticeK8s.Engine.Changes;

namespace PracticeK8s.Cmdlets.Write;

/// <summary>
/// Shared by the cmdlets that change the cluster: their result objects (or -PassThru), and
/// whether -Namespace was given by the user (rather than bound from a piped object).
/// Confirmation and progress come from <see cref="KubeAsyncCmdlet"/>.
/// </summary>
public abstract class KubeWriteCmdlet : KubeCmdlet
{
    /// <summary>-Namespace exactly as the user typed it, or null.</summary>
    protected string? ExplicitNamespace =>
        MyInvocation.BoundParameters.TryGetValue(nameof(Namespace), out var value) && value is string ns && ns.Length > 0 ? ns : null;

    /// <summary>Writes a change result, or with -PassThru the object it produced.</summary>
    protected void PostResult(ChangeResult result, bool passThru)
    {
        if (passThru)
        {
            if (result.Object is not null)
                PostObject(result.Object);
        }
        else
        {
            PostObject(result);
        }
    }
}
