using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Events;

namespace PracticeK8s.Sandbox.Controllers.Workloads;

/// <summary>
/// Jobs: run pods from the template (<c>generateName &lt;job&gt;-</c>) up to <c>parallelism</c> until
/// <c>completions</c> pods succeeded (or, without completions, one succeeded and none is left), count
/// failures against <c>backoffLimit</c> and <c>activeDeadlineSeconds</c>, and finish with the
/// SuccessCriteriaMet/Complete or FailureTarget/Failed conditions, as upstream's job controller.
/// Suspended jobs keep no pods. Events SuccessfulCreate, SuccessfulDelete, Completed, BackoffLimitExceeded.
/// </summary>
public sealed class JobController(SandboxState state, ClusterAccess cluster, EventRecorder events, ILogger<JobController> log) : ControllerLoop(state, log)
{
    public const string Key = "batch/jobs";
    private static readonly EventSource Source = new("job-controller");

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { Key, "/pods" };

    protected override void Reconcile()
    {
        var podsByNamespace = cluster.List<V1Pod>("/pods").ToLookup(p => p.Namespace);
        foreach (var job in cluster.List<V1Job>(Key))
            if (!job.IsBeingDeleted) Sync(job, podsByNamespace[job.Namespace]);
    }

    private static bool Finished(V1JobStatus? s) =>
        s?.Conditions?.Any(c => c.Type is "Complete" or "Failed" && c.Status == "True") == true;

    private void Sync(Live<V1Job> job, IEnumerable<Live<V1Pod>> namespacePods)
    {
        var now = Clock.Now();
        var spec = job.Model.Spec;
        var old = job.Model.Status;
        var pods = PodOwnership.Claim(cluster, job.Stored, spec.Selector, namespacePods);
        var active = pods.Where(p => PodState.IsActive(p.Model)).ToList();
        var succeeded = Math.Max(old?.Succeeded ?? 0, pods.Count(p => p.Model.Status?.Phase == "Succeeded"));
        var failed = Math.Max(old?.Failed ?? 0, pods.Count(p => p.Model.Status?.Phase == "Failed"));
        var conditions = old?.Conditions?.ToList() ?? new List<V1JobCondition>();
        var startTime = old?.StartTime;
        DateTime? completionTime = old?.CompletionTime;
        var suspended = spec.Suspend == true;

        if (!Finished(old))
        {
            if (!suspended && startTime is null) startTime = now;
            var completions = spec.Completions;
            var parallelism = spec.Parallelism ?? 1;
            string? failure = null, failureMessage = null;
            if (failed > (spec.BackoffLimit ?? 6))
                (failure, failureMessage) = ("BackoffLimitExceeded", "Job has reached the specified backoff limit");
            else if (spec.ActiveDeadlineSeconds is { } deadline && startTime is { } started && !suspended)
            {
                if (started.AddSeconds(deadline) <= now)
                    (failure, failureMessage) = ("DeadlineExceeded", "Job was active longer than specified deadline");
                else WakeAt(started.AddSeconds(deadline));
            }
            var complete = completions is { } c ? succeeded >= c : succeeded > 0 && active.Count == 0;
            if (failure is not null)
            {
                foreach (var p in active) DeletePod(job, p);
                conditions.Add(new V1JobCondition { Type = "FailureTarget", Status = "True", Reason = failure, Message = failureMessage, LastProbeTime = now, LastTransitionTime = now });
                conditions.Add(new V1JobCondition { Type = "Failed", Status = "True", Reason = failure, Message = failureMessage, LastProbeTime = now, LastTransitionTime = now });
                events.Warning(Source, job.Stored, failure, failureMessage!);
                active.Clear();
            }
            else if (complete)
            {
                conditions.Add(new V1JobCondition { Type = "SuccessCriteriaMet", Status = "True", Reason = "CompletionsReached", Message = "Reached expected number of succeeded pods", LastProbeTime = now, LastTransitionTime = now });
                conditions.Add(new V1JobCondition { Type = "Complete", Status = "True", Reason = "CompletionsReached", Message = "Reached expected number of succeeded pods", LastProbeTime = now, LastTransitionTime = now });
                completionTime = now;
                events.Normal(Source, job.Stored, "Completed", "Job completed");
            }
            else if (suspended)
            {
                foreach (var p in active) DeletePod(job, p);
                active.Clear();
            }
            else
            {
                var wanted = completions is { } total ? Math.Min(parallelism, total - succeeded) : succeeded > 0 ? 0 : parallelism;
                for (int i = active.Count; i < wanted; i++) CreatePod(job);
                foreach (var extra in active.OrderByDescending(p => p.Model.Metadata.CreationTimestamp).Take(Math.Max(0, active.Count - wanted)))
                    DeletePod(job, extra);
            }
        }
        cluster.SetStatus(job.Stored, new V1JobStatus
        {
            StartTime = startTime,
            CompletionTime = completionTime,
            Active = active.Count == 0 ? null : active.Count,
            Succeeded = succeeded == 0 ? null : succeeded,
            Failed = failed == 0 ? null : failed,
            Ready = active.Count(p => PodState.IsReady(p.Model)),
            Terminating = pods.Count(p => p.IsBeingDeleted),
            UncountedTerminatedPods = new V1UncountedTerminatedPods(),
            Conditions = conditions.Count == 0 ? null : conditions,
        });
    }

    private void CreatePod(Live<V1Job> job)
    {
        try
        {
            var pod = cluster.CreateOrThrow("/pods", PodTemplates.NewPod(PodTemplates.TemplateOf(job.Stored), job.Stored, job.Name + "-"));
            events.Normal(Source, job.Stored, "SuccessfulCreate", $"Created pod: {pod.Name}");
        }
        catch (ApiException e)
        {
            events.Warning(Source, job.Stored, "FailedCreate", $"Error creating: {e.Message}");
        }
    }

    private void DeletePod(Live<V1Job> job, Live<V1Pod> pod)
    {
        if (cluster.Delete(pod.Stored)) events.Normal(Source, job.Stored, "SuccessfulDelete", $"Deleted pod: {pod.Name}");
    }
}
