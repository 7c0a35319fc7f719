using System.Management.Automation;
using PracticeK8s.Engine.Changes;

namespace PracticeK8s.Cmdlets.Write;

/// <summary>
/// Shared by the cmdlets that change the cluster: confirmation beyond ShouldProcess for
/// dangerous targets, notices for the host, progress records that always complete, and
/// whether -Namespace was given by the user (rather than bound from a piped object).
/// </summary>
public abstract class KubeWriteCmdlet : KubeCmdlet
{
    /// <summary>-Namespace exactly as the user typed it, or null.</summary>
    protected string? ExplicitNamespace =>
        MyInvocation.BoundParameters.TryGetValue(nameof(Namespace), out var value) && value is string ns && ns.Length > 0 ? ns : null;

    /// <summary>
    /// A second, explicit question for targets more dangerous than the cmdlet's ConfirmImpact
    /// says (a namespace, a PV, several objects matched by a selector). Asked unless -Confirm
    /// was given either way (-Confirm already asked; -Confirm:$false means "don't ask") or
    /// $ConfirmPreference is None.
    /// </summary>
    protected Task<bool> ConfirmDangerousAsync(string query, string caption, CancellationToken cancel)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancel.Register(() => answer.TrySetCanceled(cancel));
        Post(() =>
        {
            try
            {
                if (MyInvocation.BoundParameters.ContainsKey("Confirm")
                    || GetVariableValue("ConfirmPreference") is ConfirmImpact.None)
                {
                    answer.TrySetResult(true);
                    return;
                }
                answer.TrySetResult(ShouldContinue(query, caption));
            }
            catch (Exception e)
            {
                answer.TrySetException(e);
            }
        });
        return answer.Task;
    }

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

    /// <summary>One progress bar per operation; Complete() must run in a finally.</summary>
    protected sealed class Progress
    {
        private static int s_nextId = 1;
        private readonly KubeWriteCmdlet _owner;
        private readonly int _id;
        private readonly string _activity;
        private DateTime _last = DateTime.MinValue;
        private bool _shown;

        public Progress(KubeWriteCmdlet owner, string activity)
        {
            _owner = owner;
            _id = Interlocked.Increment(ref s_nextId);
            _activity = activity;
        }

        /// <summary>Updates the bar (at most four times a second unless forced).</summary>
        public void Update(string status, int percent = -1, string? operation = null, bool force = false)
        {
            var now = DateTime.UtcNow;
            if (!force && now - _last < TimeSpan.FromMilliseconds(250))
                return;
            _last = now;
            var record = new ProgressRecord(_id, _activity, status);
            record.PercentComplete = Math.Clamp(percent, -1, 100);
            if (operation is not null)
                record.CurrentOperation = operation;
            _shown = true;
            _owner.PostProgress(record);
        }

        public void Complete()
        {
            if (!_shown)
                return;
            var record = new ProgressRecord(_id, _activity, "Done");
            record.RecordType = ProgressRecordType.Completed;
            _owner.PostProgress(record);
        }
    }
}
