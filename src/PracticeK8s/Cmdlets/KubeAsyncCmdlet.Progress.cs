using System.Management.Automation;

namespace PracticeK8s.Cmdlets;

public abstract partial class KubeAsyncCmdlet
{
    private static int s_nextProgressId;

    /// <summary>
    /// One progress bar: its id allocated (unique in the session, so bars of nested or parallel
    /// operations never overwrite each other), updates at most four a second unless forced,
    /// callable from any thread. Complete() must run in a finally.
    /// </summary>
    protected sealed class Progress(KubeAsyncCmdlet owner, string activity)
    {
        private readonly int _id = Interlocked.Increment(ref s_nextProgressId);
        private long _lastTicks = long.MinValue / 2;
        private volatile bool _shown;

        /// <summary>Updates the bar; skipped within 250 ms of the last update unless <paramref name="force"/>.</summary>
        public void Update(string status, int percent = -1, string? operation = null, bool force = false)
        {
            var now = Environment.TickCount64;
            if (!force && now - Interlocked.Read(ref _lastTicks) < 250)
                return;
            Interlocked.Exchange(ref _lastTicks, now);
            var record = new ProgressRecord(_id, activity, status) { PercentComplete = Math.Clamp(percent, -1, 100) };
            if (operation is not null)
                record.CurrentOperation = operation;
            _shown = true;
            owner.PostProgress(record);
        }

        /// <summary>Removes the bar, if it was shown.</summary>
        public void Complete()
        {
            if (_shown)
                owner.PostProgress(new ProgressRecord(_id, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
