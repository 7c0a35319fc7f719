using System.Collections.Concurrent;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Kubelet.ContainerEnv;
using PracticeK8s.Sandbox.Kubelet.Volumes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Runtime;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Kubelet;

/// <summary>
/// The simulated kubelets of every node (one loop; each node acts as its own <c>kubelet</c> event
/// source). Per node: <see cref="NodeAgent"/> (registration, lease, heartbeat). Per bound pod:
/// ContainerCreating for <see cref="ClusterSettings.PodStartDelay"/> (image pulls), then the
/// containers start in the <see cref="IContainerRuntime"/>, and the pod's status follows the
/// runtime's container states (<see cref="PodStatusBuilder"/>); a deleted pod's containers are
/// stopped within its grace period and the pod object is then removed. A node annotated
/// <c>sandbox.practicek8s.io/kubelet: stopped</c> has no running kubelet (no heartbeats, its pods frozen),
/// which is how a node failure is practised.
/// </summary>
public sealed class KubeletService(SandboxState state, ClusterAccess cluster, EventRecorder events, IContainerRuntime runtime,
    ClusterSettings settings, ILogger<KubeletService> log, ServiceAccountTokens? tokens = null) : ControllerLoop(state, log)
{
    public const string StoppedAnnotation = "sandbox.practicek8s.io/kubelet";
    private readonly ConcurrentQueue<ContainerChange> _changes = new();
    private readonly NodeAgent _nodes = new(cluster, events, settings);
    private readonly PodAddresses _addresses = new();
    private readonly PodEnvironments _environments = new(new StoreEnvironmentSources(cluster));
    private readonly Dictionary<string, PodWork> _work = new();
    private readonly PodVolumes _volumes = new(cluster, tokens, Path.Combine(settings.DataDir, "kubelet"), Path.Combine(settings.DataDir, "volumes"), settings.CaCertificatePem);

    /// <summary>What the kubelet remembers of a pod between passes.</summary>
    private sealed class PodWork
    {
        public DateTime StartAt;
        public bool Started;
        public int RestartOffset;
        public string? PodIP;
        public Task? Stopping;
        public long? StoppingGrace;
        public bool Pulled;
        public DateTime ConfigErrorReportedAt;
        public string? FailedMount;
        public DateTime FailedMountAt;
    }

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/pods", "/nodes", "/persistentvolumeclaims", "/persistentvolumes", "/configmaps", "/secrets" };

    protected override TimeSpan ResyncInterval => settings.LeaseRenewInterval < TimeSpan.FromSeconds(5) ? settings.LeaseRenewInterval : TimeSpan.FromSeconds(5);

    public static bool IsStopped(V1Node node) => node.Metadata.Annotation(StoppedAnnotation) == "stopped";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void OnChange(ContainerChange c)
        {
            _changes.Enqueue(c);
            Wake();
        }
        runtime.ContainerChanged += OnChange;
        try { await base.ExecuteAsync(stoppingToken); }
        finally { runtime.ContainerChanged -= OnChange; }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await runtime.StopAllAsync();
    }

    protected override void Reconcile()
    {
        var now = DateTime.UtcNow;
        while (_changes.TryDequeue(out var change)) RecordContainerEvent(change);

        var nodes = cluster.List<V1Node>("/nodes");
        var indexes = NodeAgent.Indexes(nodes);
        var live = new Dictionary<string, Live<V1Node>>();
        foreach (var node in nodes.Where(n => !IsStopped(n.Model)))
        {
            live[node.Name] = node;
            WakeAt(_nodes.Sync(node, indexes[node.Name], now));
        }
        _nodes.ForgetAllBut(nodes.Select(n => n.Name));
        var pods = cluster.List<V1Pod>("/pods");
        var usedIps = pods.Where(p => p.Model.Status?.PodIP is not null).GroupBy(p => p.Model.Spec.NodeName ?? "")
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(p => p.Model.Status!.PodIP!).ToHashSet());
        foreach (var pod in pods)
        {
            if (pod.Model.Spec.NodeName is not { Length: > 0 } nodeName || !live.TryGetValue(nodeName, out var node)) continue;
            try { SyncPod(pod, node, usedIps.GetValueOrDefault(nodeName) ?? new HashSet<string>(), now); }
            catch (ApiException) { } // changed meanwhile: the next pass sees it
        }
        var known = pods.Select(p => p.Uid).ToHashSet();
        foreach (var uid in runtime.PodUids.Where(u => !known.Contains(u)).ToList())
        {
            // Removed from the API (force deletion, namespace gone): stop and forget its containers.
            _ = runtime.StopPodAsync(uid, TimeSpan.Zero).ContinueWith(_ => runtime.RemovePodAsync(uid)).Unwrap().ContinueWith(_ => _volumes.TearDown(uid));
            _work.Remove(uid);
        }
        foreach (var uid in _work.Keys.Where(u => !known.Contains(u)).ToList()) _work.Remove(uid);
        _volumes.RemoveOrphans(known.Concat(runtime.PodUids).ToHashSet());
        _volumes.RemoveDeletedVolumes(cluster.List<k8s.Models.V1PersistentVolume>("/persistentvolumes").Select(v => v.Name).ToHashSet());
    }

    private void SyncPod(Live<V1Pod> pod, Live<V1Node> node, IReadOnlySet<string> usedIps, DateTime now)
    {
        if (!_work.TryGetValue(pod.Uid, out var work)) _work[pod.Uid] = work = new PodWork();
        if (pod.IsBeingDeleted)
        {
            Terminate(pod, work);
            return;
        }
        if (PodState.IsTerminal(pod.Model)) return; // finished: the status is final
        var hostIP = node.Model.Status?.Addresses?.FirstOrDefault(a => a.Type == "InternalIP")?.Address ?? "";
        var startTime = pod.Model.Status?.StartTime ?? Clock.Now();
        if (!work.Started && runtime.GetPod(pod.Uid) is not null) work.Started = true;
        if (!work.Started)
        {
            var restartAfterSandboxRestart = pod.Model.Status?.StartTime is not null && pod.Model.Status?.Phase == "Running";
            if (work.StartAt == default)
            {
                work.StartAt = restartAfterSandboxRestart ? now : now + settings.PodStartDelay;
                if (!restartAfterSandboxRestart) RecordPulling(pod, node);
            }
            if (!VolumesReady(pod) || now < work.StartAt)
            {
                if (now < work.StartAt) WakeAt(work.StartAt);
                cluster.SetStatus(pod.Stored, PodStatusBuilder.Build(pod.Model, null, hostIP, null, startTime, Clock.Now()));
                return;
            }
            IReadOnlyDictionary<string, IReadOnlyList<Runtime.Volumes.ContainerMount>> mounts;
            try { mounts = _volumes.SetUp(pod.Model); }
            catch (VolumeSetUpException e)
            {
                RecordFailedMount(pod, node, work, e.Message, now);
                WakeAt(now + TimeSpan.FromSeconds(2));
                cluster.SetStatus(pod.Stored, PodStatusBuilder.Build(pod.Model, null, hostIP, null, startTime, Clock.Now()));
                return;
            }
            if (restartAfterSandboxRestart)
                work.RestartOffset = pod.Model.Status?.ContainerStatuses?.Select(c => c.RestartCount).DefaultIfEmpty(0).Max() + 1 ?? 0;
            else if (!work.Pulled) RecordPulled(pod, node, now - work.StartAt + settings.PodStartDelay);
            work.Pulled = true;
            work.PodIP ??= pod.Model.Spec.HostNetwork == true ? hostIP
                : pod.Model.Status?.PodIP ?? _addresses.Allocate(node.Name, node.Model.Spec?.PodCIDR, usedIps);
            var env = _environments.Resolve(pod.Model, PodSpecification.FromPod(pod.Stored.ToNode()) with { PodIP = work.PodIP, Mounts = mounts },
                node.Model, hostIP, work.PodIP);
            if (env.Failures.Count > 0)
            {
                ReportConfigErrors(pod, node, work, env.Failures, hostIP, startTime, now);
                return;
            }
            foreach (var w in env.Warnings) events.Warning(new EventSource("kubelet", node.Name), pod.Stored, w.Reason, w.Message);
            runtime.StartPod(env.Spec);
            work.Started = true;
        }
        _volumes.Refresh(pod.Model); // configMap/secret/downwardAPI/projected content follows its objects
        StartEphemeralContainers(pod);
        var runtimeState = runtime.GetPod(pod.Uid);
        var status = PodStatusBuilder.Build(pod.Model, runtimeState, hostIP, work.PodIP ?? pod.Model.Status?.PodIP, startTime, Clock.Now());
        if (work.RestartOffset > 0)
            foreach (var c in status.ContainerStatuses ?? new List<V1ContainerStatus>()) c.RestartCount += work.RestartOffset;
        cluster.SetStatus(pod.Stored, status);
        if (runtimeState is not null)
            foreach (var c in pod.Model.Spec.Containers)
                if (runtimeState.Container(c.Name) is { } cs && PodStatusBuilder.ReadyAt(c, cs) is { } at && at > now) WakeAt(at);
    }

    /// <summary>Ephemeral containers added through pods/ephemeralcontainers (kubectl debug) that the runtime does not run yet.</summary>
    private void StartEphemeralContainers(Live<V1Pod> pod)
    {
        if (pod.Model.Spec.EphemeralContainers is not { Count: > 0 } added || runtime.GetPod(pod.Uid) is not { } running) return;
        var specs = pod.Stored.ToNode().Obj("spec").Arr("ephemeralContainers").Objects().ToList();
        foreach (var e in added)
        {
            if (running.Container(e.Name) is not null) continue;
            // Started before (this kubelet's earlier life, e.g. before a sandbox restart): ephemeral containers never run twice.
            if (pod.Model.Status?.EphemeralContainerStatuses?.FirstOrDefault(s => s.Name == e.Name)?.State is { } reported
                && (reported.Running is not null || reported.Terminated is not null)) continue;
            var json = specs.FirstOrDefault(s => s.Str("name") == e.Name);
            if (json is null) continue;
            runtime.StartEphemeralContainer(pod.Uid, ContainerSpecification.FromJson(json, pod.Name, pod.Namespace), e.TargetContainerName);
        }
    }

    /// <summary>
    /// Containers whose env cannot be made yet: waiting in CreateContainerConfigError, a Failed event (repeats
    /// counted, at most every <see cref="ConfigErrorRetry"/>), and another try at the next pass (a watched
    /// ConfigMap or Secret change wakes it).
    /// </summary>
    private void ReportConfigErrors(Live<V1Pod> pod, Live<V1Node> node, PodWork work, IReadOnlyList<ContainerConfigFailure> failures,
        string hostIP, DateTime startTime, DateTime now)
    {
        var stamp = Clock.Now();
        var status = PodStatusBuilder.Build(pod.Model, null, hostIP, work.PodIP, startTime, stamp);
        PodEnvironments.ShowFailures(status, pod.Model.Status, failures, stamp);
        cluster.SetStatus(pod.Stored, status);
        if (now - work.ConfigErrorReportedAt >= ConfigErrorRetry)
        {
            work.ConfigErrorReportedAt = now;
            var current = State.Store.Get("/pods", pod.Namespace, pod.Name) ?? pod.Stored;
            foreach (var f in failures)
                events.Warning(new EventSource("kubelet", node.Name), current, "Failed", PodEnvironments.FailedMessage(f), f.FieldPath);
        }
        WakeAt(now + ConfigErrorRetry);
    }

    private static readonly TimeSpan ConfigErrorRetry = TimeSpan.FromSeconds(10);

    /// <summary>Graceful deletion: stop the containers within what is left of the grace period, then remove the pod.</summary>
    private void Terminate(Live<V1Pod> pod, PodWork work)
    {
        var grace = pod.Model.Metadata.DeletionGracePeriodSeconds ?? 0;
        if (runtime.GetPod(pod.Uid) is null && work.Stopping is null)
        {
            cluster.Remove(pod.Stored);
            _work.Remove(pod.Uid);
            return;
        }
        if (work.Stopping is null || grace < work.StoppingGrace)
        {
            // As upstream's kubelet: the whole grace period counts from when the kubelet starts stopping.
            work.StoppingGrace = grace;
            work.Stopping = runtime.StopPodAsync(pod.Uid, TimeSpan.FromSeconds(grace)).ContinueWith(_ => Wake());
            return;
        }
        if (!work.Stopping.IsCompleted) return;
        cluster.Remove(pod.Stored);
        var uid = pod.Uid;
        _ = runtime.RemovePodAsync(uid).ContinueWith(_ => _volumes.TearDown(uid));
        _work.Remove(pod.Uid);
    }

    /// <summary>Every claim the pod mounts is bound (until then the pod stays in ContainerCreating).</summary>
    private bool VolumesReady(Live<V1Pod> pod)
    {
        foreach (var v in pod.Model.Spec.Volumes ?? new List<V1Volume>())
            if (v.PersistentVolumeClaim?.ClaimName is { } claim
                && cluster.Get<V1PersistentVolumeClaim>("/persistentvolumeclaims", pod.Namespace, claim)?.Model.Status?.Phase != "Bound")
                return false;
        return true;
    }

    /// <summary>kubelet's FailedMount warning, again when the problem changes and at most every 30 s while it lasts.</summary>
    private void RecordFailedMount(Live<V1Pod> pod, Live<V1Node> node, PodWork work, string message, DateTime now)
    {
        if (work.FailedMount == message && now - work.FailedMountAt < TimeSpan.FromSeconds(30)) return;
        work.FailedMount = message;
        work.FailedMountAt = now;
        events.Warning(new EventSource("kubelet", node.Name), pod.Stored, "FailedMount", message);
    }

    private void RecordPulling(Live<V1Pod> pod, Live<V1Node> node)
    {
        var images = ImagePulls.OnNode(node.Model);
        var source = new EventSource("kubelet", node.Name);
        foreach (var (c, path) in Containers(pod.Model))
            if (ImagePulls.NeedsPull(c, images))
                events.Normal(source, pod.Stored, "Pulling", ImagePulls.PullingMessage(c), path);
    }

    private void RecordPulled(Live<V1Pod> pod, Live<V1Node> node, TimeSpan took)
    {
        var images = ImagePulls.OnNode(node.Model);
        var source = new EventSource("kubelet", node.Name);
        var current = State.Store.Get("/pods", pod.Namespace, pod.Name) ?? pod.Stored;
        var pulled = new List<string>();
        foreach (var (c, path) in Containers(pod.Model))
        {
            if (ImagePulls.NeedsPull(c, images))
            {
                events.Normal(source, current, "Pulled", ImagePulls.PulledMessage(c, took), path);
                pulled.Add(c.Image ?? "");
            }
            else events.Normal(source, current, "Pulled", ImagePulls.PresentMessage(c), path);
        }
        if (pulled.Count > 0 && State.Store.Get("/nodes", "", node.Name) is { } n)
            cluster.Mutate(n, o => { foreach (var image in pulled) ImagePulls.Record(o, image); });
    }

    private static IEnumerable<(V1Container Container, string FieldPath)> Containers(V1Pod pod) =>
        (pod.Spec.InitContainers ?? new List<V1Container>()).Select(c => (c, $"spec.initContainers{{{c.Name}}}"))
        .Concat(pod.Spec.Containers.Select(c => (c, $"spec.containers{{{c.Name}}}")));

    /// <summary>The runtime's container changes as the kubelet's events (Created, Started, BackOff, Killing).</summary>
    private void RecordContainerEvent(ContainerChange change)
    {
        var stored = State.Store.Get("/pods", change.Namespace, change.PodName);
        var pod = stored is not null && stored.Uid == change.PodUid ? cluster.Typed<V1Pod>(stored) : null;
        var node = pod?.Model.Spec.NodeName;
        var container = change.State.Name;
        var fieldPath = change.State.IsEphemeral ? $"spec.ephemeralContainers{{{container}}}"
            : change.State.IsInit ? $"spec.initContainers{{{container}}}" : $"spec.containers{{{container}}}";
        var about = stored is not null && pod is not null ? InvolvedObject.Of(stored, fieldPath)
            : new InvolvedObject("Pod", "v1", change.Namespace, change.PodName, change.PodUid, null, fieldPath);
        var source = new EventSource("kubelet", node);
        var image = pod?.Model.Spec.Containers.Concat(pod.Model.Spec.InitContainers ?? new List<V1Container>())
            .FirstOrDefault(c => c.Name == container)?.Image
            ?? pod?.Model.Spec.EphemeralContainers?.FirstOrDefault(c => c.Name == container)?.Image ?? change.State.Image;
        switch (change.Kind)
        {
            case ContainerEventKind.Created:
                if (change.State.RestartCount > 0)
                    events.Record(source, about, "Normal", "Pulled", $"Container image \"{image}\" already present on machine");
                events.Record(source, about, "Normal", "Created", $"Created container: {container}");
                break;
            case ContainerEventKind.Started:
                events.Record(source, about, "Normal", "Started", $"Started container {container}");
                break;
            case ContainerEventKind.BackOff:
                events.Record(source, about, "Warning", "BackOff",
                    $"Back-off restarting failed container {container} in pod {change.PodName}_{change.Namespace}({change.PodUid})");
                break;
            case ContainerEventKind.Killing:
                events.Record(source, about, "Normal", "Killing", $"Stopping container {container}");
                break;
            // The kubelet leaves the handler's output out of these events (it may hold secrets).
            case ContainerEventKind.FailedPreStopHook:
                events.Record(source, about, "Warning", "FailedPreStopHook", "PreStopHook failed");
                break;
            case ContainerEventKind.FailedPostStartHook:
                events.Record(source, about, "Warning", "FailedPostStartHook", "PostStartHook failed");
                break;
        }
    }
}
