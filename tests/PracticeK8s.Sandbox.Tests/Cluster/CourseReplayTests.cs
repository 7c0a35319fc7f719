using System.Text.RegularExpressions;
using k8s.Models;

namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>
/// The course's kubectl commands, in its order, with stock kubectl against a fresh sandbox; each
/// asserts what the course shows (listings, messages) and the state behind it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CourseReplayTests(ClusterFixture f)
{
    private const string Suffix5 = "[bcdfghjklmnpqrstvwxz2456789]{5}";
    private const string Hash = "[bcdfghjklmnpqrstvwxz2456789]{6,10}";

    [Fact]
    public void Namespaces_AndTheKubeSystemListing_LookLikeTheCourses()
    {
        var ns = f.Kubectl.Ok("get", "ns");
        foreach (var name in new[] { "default", "kube-node-lease", "kube-public", "kube-system" })
            Assert.Matches($@"(?m)^{name}\s+Active\s+\d+[smh]", ns);

        var expected = new (string Pattern, int Count)[]
        {
            ($"calico-kube-controllers-{Hash}-{Suffix5}\\s+1/1", 1),
            ($"calico-node-{Suffix5}\\s+1/1", 3),
            ($"coredns-{Hash}-{Suffix5}\\s+1/1", 2),
            ("csi-linode-controller-0\\s+4/4", 1),
            ($"csi-linode-node-{Suffix5}\\s+2/2", 3),
            ($"kube-proxy-{Suffix5}\\s+1/1", 3),
        };
        var listing = f.Kubectl.WaitFor(@"(?s)^(?!.*(Pending|ContainerCreating|Terminating|0/)).*kube-proxy", "-n", "kube-system", "get", "pods");
        var lines = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$", lines[0]);
        Assert.Equal(13, lines.Length - 1);
        foreach (var (pattern, count) in expected)
            Assert.Equal(count, lines.Count(l => Regex.IsMatch(l, $"^{pattern}\\s+Running\\s+0\\s+\\d+[sm]")));

        // The DaemonSets put one pod on each node; host-network pods have their node's address.
        var wide = f.Kubectl.Ok("-n", "kube-system", "get", "pods", "-l", "k8s-app=calico-node", "-o", "wide");
        foreach (var (node, i) in ClusterFixture.NodeNames.Select((n, i) => (n, i)))
            Assert.Matches($@"(?m)^calico-node-{Suffix5}\s+1/1\s+Running\s+0\s+\S+\s+127\.0\.0\.{101 + i}\s+{node}\s", wide);
    }

    [Fact]
    public async Task DeletingAKubeSystemPod_ItsDaemonSetBringsANewOne_AndExecRunsInIt()
    {
        var before = await f.RunningPods("kube-system", "k8s-app=calico-node", 3);
        var victim = before.OrderBy(p => p.Metadata.Name).First();
        Assert.Equal($"pod \"{victim.Metadata.Name}\" deleted", f.Kubectl.Ok("-n", "kube-system", "delete", "pod", victim.Metadata.Name).Trim());
        var after = await f.RunningPods("kube-system", "k8s-app=calico-node", 3);
        Assert.DoesNotContain(after, p => p.Metadata.Name == victim.Metadata.Name);
        var replacement = after.Single(p => before.All(b => b.Metadata.Name != p.Metadata.Name));
        Assert.Equal(victim.Spec.NodeName, replacement.Spec.NodeName);

        // kubectl exec -it … -- sh, with the keyboard replaced by a pipe.
        var pod = after.First().Metadata.Name;
        Assert.Equal("hello from the pod", f.Kubectl.Ok("-n", "kube-system", "exec", pod, "--", "sh", "-c", "echo hello from the pod").Trim());
        var shell = f.Kubectl.Run(new[] { "-n", "kube-system", "exec", "-i", pod, "--", "sh" }, "echo typed; exit 4\n", null);
        Assert.Equal("typed", shell.Stdout.Trim());
        Assert.Equal(4, shell.ExitCode);
    }

    [Fact]
    public async Task Deployment_Apply_RecreatedPod_Scale_Describe_DeleteByFile()
    {
        var ns = f.NewNamespace("course-deploy");
        var file = f.TempFile("deployment.yaml", CourseManifests.Deployment);
        Assert.Equal("deployment.apps/nginx-deployment created", f.Kubectl.Ok("-n", ns, "apply", "-f", file).Trim());
        var pods = await f.RunningPods(ns, "app=nginx", 2);
        var listing = f.Kubectl.Ok("-n", ns, "get", "pods");
        foreach (var p in pods) Assert.Matches($@"(?m)^{p.Metadata.Name}\s+1/1\s+Running\s+0\s+\d+s$", listing);
        Assert.All(pods, p => Assert.Matches($"^nginx-deployment-{Hash}-{Suffix5}$", p.Metadata.Name));

        // "Test to see how Pods are recreated automatically"
        var deleted = pods[0].Metadata.Name;
        Assert.Equal($"pod \"{deleted}\" deleted", f.Kubectl.Ok("-n", ns, "delete", "pod", deleted).Trim());
        var recreated = await f.RunningPods(ns, "app=nginx", 2);
        Assert.DoesNotContain(recreated, p => p.Metadata.Name == deleted);
        Assert.Contains(recreated, p => p.Metadata.Name == pods[1].Metadata.Name);

        Assert.Matches(@"(?m)^nginx-deployment\s+2/2\s+2\s+2\s+\d+s$", f.Kubectl.Ok("-n", ns, "get", "deployments.apps"));
        Assert.Equal("deployment.apps/nginx-deployment scaled", f.Kubectl.Ok("-n", ns, "scale", "deployment", "nginx-deployment", "--replicas=4").Trim());
        await f.RunningPods(ns, "app=nginx", 4);
        f.Kubectl.WaitFor(@"(?m)^nginx-deployment\s+4/4\s+4\s+4\s", "-n", ns, "get", "deployments.apps");
        f.Kubectl.Ok("-n", ns, "scale", "deployment", "nginx-deployment", "--replicas=2");
        await f.RunningPods(ns, "app=nginx", 2);
        f.Kubectl.WaitFor(@"(?m)^nginx-deployment\s+2/2\s+2\s+2\s", "-n", ns, "get", "deployments.apps");

        var describe = f.Kubectl.Ok("-n", ns, "describe", "deployments.apps", "nginx-deployment");
        Assert.Contains("Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable", describe);
        Assert.Matches(@"Available\s+True\s+MinimumReplicasAvailable", describe);
        Assert.Matches(@"Progressing\s+True\s+NewReplicaSetAvailable", describe);
        var rs = Regex.Match(describe, $@"NewReplicaSet:\s+(nginx-deployment-{Hash}) \(2/2 replicas created\)").Groups[1].Value;
        Assert.NotEmpty(rs);
        Assert.Matches($@"Normal\s+ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled up replica set {rs} from 0 to 2", describe);
        Assert.Matches($@"Scaled up replica set {rs} from 2 to 4", describe);
        Assert.Matches($@"Scaled down replica set {rs} from 4 to 2", describe);

        Assert.Equal("deployment.apps \"nginx-deployment\" deleted", f.Kubectl.Ok("-n", ns, "delete", "-f", file).Trim());
        await ClusterFixture.Eventually(async () => (await f.Pods(ns)).Count == 0, "the deployment's pods are gone");
        Assert.Empty((await f.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);
    }

    [Fact]
    public async Task DaemonSet_OnePodOnEachWorkerNode()
    {
        var ns = f.NewNamespace("course-ds");
        Assert.Equal("daemonset.apps/nginx-deployment created", f.Apply(ns, CourseManifests.DaemonSet));
        var pods = await f.RunningPods(ns, "app=nginx", 3);
        Assert.Equal(ClusterFixture.NodeNames, pods.Select(p => p.Spec.NodeName).Order());
        var all = f.Kubectl.Ok("-n", ns, "get", "all", "-o", "wide");
        foreach (var p in pods)
            Assert.Matches($@"(?m)^pod/{p.Metadata.Name}\s+1/1\s+Running\s+0\s+\S+\s+{Regex.Escape(p.Status.PodIP)}\s+{p.Spec.NodeName}\s+<none>\s+<none>$", all);
        Assert.Matches(@"(?m)^daemonset\.apps/nginx-deployment\s+3\s+3\s+3\s+3\s+3\s+<none>\s+\S+\s+nginx\s+nginx:alpine\s+app=nginx$", all);
        Assert.All(pods, p => Assert.StartsWith($"10.244.{Array.IndexOf(ClusterFixture.NodeNames, p.Spec.NodeName)}.", p.Status.PodIP));
    }

    [Fact]
    public async Task StatefulSet_ItsClaimIsBoundAttachedAndSurvivesThePod_ThenDeleted()
    {
        var ns = f.NewNamespace("course-sts");
        Assert.Equal("statefulset.apps/my-csi-app-set created", f.Apply(ns, CourseManifests.StatefulSet));
        var pod = (await f.RunningPods(ns, "app=my-stateful-app", 1)).Single();
        Assert.Equal("my-csi-app-set-0", pod.Metadata.Name);

        var describe = f.Kubectl.WaitFor("SuccessfulAttachVolume", "-n", ns, "describe", "pod", "my-csi-app-set-0");
        var pvc = await f.Admin.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("csi-pvc-my-csi-app-set-0", ns);
        Assert.Matches($@"Normal\s+SuccessfulAttachVolume\s+\S+\s+attachdetach-controller\s+AttachVolume\.Attach succeeded for volume ""{pvc.Spec.VolumeName}""", describe);
        Assert.Matches(@"ClaimName:\s+csi-pvc-my-csi-app-set-0", describe);
        Assert.Matches($@"(?m)^csi-pvc-my-csi-app-set-0\s+Bound\s+{pvc.Spec.VolumeName}\s+10Gi\s+RWO\s+linode-block-storage\s+", f.Kubectl.Ok("-n", ns, "get", "pvc"));
        Assert.Equal($"pvc-{pvc.Metadata.Uid}", pvc.Spec.VolumeName);

        // The claim outlives its pod: the replacement pod mounts the same claim.
        // --wait=false, then the API: under a loaded CI run kubectl's own wait for this pod (which the
        // StatefulSet recreates at once under the same name) once hung past a minute; what is
        // asserted here is that the pod goes and the claim stays.
        // --grace-period=1: its `sleep`, as PID 1 of an isolated container, ignores SIGTERM and would take the default 30 s.
        Assert.Equal("pod \"my-csi-app-set-0\" deleted", f.Kubectl.Ok("-n", ns, "delete", "pod", "my-csi-app-set-0", "--wait=false", "--grace-period=1").Trim());
        await ClusterFixture.Eventually(async () => (await f.Pods(ns)).All(p => p.Metadata.Uid != pod.Metadata.Uid), "the deleted pod is gone", seconds: 60);
        var again = (await f.RunningPods(ns, "app=my-stateful-app", 1)).Single();
        Assert.NotEqual(pod.Metadata.Uid, again.Metadata.Uid);
        Assert.Equal(pvc.Metadata.Uid, (await f.Admin.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("csi-pvc-my-csi-app-set-0", ns)).Metadata.Uid);

        f.Kubectl.Ok("-n", ns, "delete", "statefulset", "my-csi-app-set");
        f.Kubectl.Ok("-n", ns, "delete", "pod", "my-csi-app-set-0", "--grace-period=1", "--ignore-not-found", "--wait=false");
        await ClusterFixture.Eventually(async () => (await f.Pods(ns)).Count == 0, "the stateful pod is gone");
        Assert.Equal("persistentvolumeclaim \"csi-pvc-my-csi-app-set-0\" deleted",
            f.Kubectl.Ok("-n", ns, "delete", "pvc", "csi-pvc-my-csi-app-set-0").Trim());
        await ClusterFixture.Eventually(async () =>
            (await f.Admin.CoreV1.ListPersistentVolumeAsync()).Items.All(v => v.Metadata.Name != pvc.Spec.VolumeName), "the volume is reclaimed (Delete)");
    }

    [Fact]
    public async Task ClusterIpService_EndpointsAreThePods()
    {
        var ns = f.NewNamespace("course-cip");
        Assert.Equal("deployment.apps/hello created\nservice/hello created", f.Apply(ns, CourseManifests.ClusterIp));
        var pods = await f.RunningPods(ns, "role=hello", 3);
        var all = f.Kubectl.WaitFor(@"(?m)^replicaset\.apps/hello-\S+\s+3\s+3\s+3\s", "-n", ns, "get", "all");
        Assert.Matches(@"(?m)^service/hello\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+8080/TCP\s+\d+s$", all);
        Assert.Matches(@"(?m)^deployment\.apps/hello\s+3/3\s+3\s+3\s+\d+s$", all);
        Assert.Equal(3, Regex.Matches(all, @"(?m)^pod/hello-\S+\s+1/1\s+Running\s+0\s").Count);

        var expected = string.Join(",", pods.Select(p => $"{p.Status.PodIP}:8080").Order(StringComparer.Ordinal));
        var describe = f.Kubectl.WaitFor("Endpoints:\\s+" + Regex.Escape(expected), "-n", ns, "describe", "service", "hello");
        Assert.Matches(@"Selector:\s+role=hello", describe);
        Assert.Matches(@"Type:\s+ClusterIP", describe);
        Assert.Matches(@"IP Family Policy:\s+SingleStack", describe);
        Assert.Matches(@"TargetPort:\s+8080/TCP", describe);
        var slices = (await f.Admin.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns, labelSelector: "kubernetes.io/service-name=hello")).Items;
        Assert.Equal(pods.Select(p => p.Status.PodIP).Order(), slices.SelectMany(s => s.Endpoints).SelectMany(e => e.Addresses).Order());
    }

    [Fact]
    public async Task NodePortService_EachNodeAnswers_AndRequestsReachEveryPod()
    {
        var ns = f.NewNamespace("course-np");
        f.Apply(ns, CourseManifests.NodePort);
        var pods = await f.RunningPods(ns, "role=hello", 3);
        var svc = await f.Admin.CoreV1.ReadNamespacedServiceAsync("hello", ns);
        var nodePort = svc.Spec.Ports[0].NodePort!.Value;
        Assert.InRange(nodePort, 30000, 32767);
        Assert.Matches($@"(?m)^hello\s+NodePort\s+10\.96\.\d+\.\d+\s+<none>\s+8080:{nodePort}/TCP\s", f.Kubectl.Ok("-n", ns, "get", "svc"));

        var nodes = f.Kubectl.Ok("get", "nodes", "-o", "wide");
        var externalIps = new List<string>();
        foreach (var (node, i) in ClusterFixture.NodeNames.Select((n, i) => (n, i)))
        {
            var m = Regex.Match(nodes, $@"(?m)^{node}\s+Ready\s+<none>\s+\S+\s+v1\.32\.4\s+(127\.0\.0\.\d+)\s+(127\.0\.0\.\d+)\s+Debian GNU/Linux 12 \(bookworm\)\s+\S+\s+containerd://");
            Assert.True(m.Success, nodes);
            Assert.Equal($"127.0.0.{101 + i}", m.Groups[1].Value);
            externalIps.Add(m.Groups[2].Value);
        }
        await ClusterFixture.Eventually(async () => (await ClusterFixture.Curl($"http://{externalIps[0]}:{nodePort}")).Code is not null, "the node port listens");
        var hostnames = new HashSet<string>();
        foreach (var ip in externalIps.Concat(externalIps).Concat(new[] { "127.0.0.1", "127.0.0.1", "127.0.0.1" }))
        {
            var (code, body) = await ClusterFixture.Curl($"http://{ip}:{nodePort}");
            Assert.Equal(System.Net.HttpStatusCode.OK, code);
            var m = Regex.Match(body, "^Hello, world!\nVersion: 1\\.0\\.0\nHostname: (\\S+)\n$");
            Assert.True(m.Success, body);
            hostnames.Add(m.Groups[1].Value);
        }
        Assert.Equal(pods.Select(p => p.Metadata.Name).Order(), hostnames.Order());
    }

    [Fact]
    public async Task LoadBalancerService_GetsAnExternalIpThatAnswers()
    {
        var ns = f.NewNamespace("course-lb");
        f.Apply(ns, CourseManifests.LoadBalancer);
        var pods = await f.RunningPods(ns, "role=hello", 3);
        var svcs = f.Kubectl.WaitFor(@"(?m)^hello\s+LoadBalancer\s+10\.96\.\d+\.\d+\s+127\.0\.0\.2\d\d\s+8080:3\d{4}/TCP\s", "-n", ns, "get", "svc");
        var ip = Regex.Match(svcs, @"(?m)^hello\s+LoadBalancer\s+\S+\s+(\S+)").Groups[1].Value;
        await ClusterFixture.Eventually(async () => (await ClusterFixture.Curl($"http://{ip}:8080")).Code is not null, "the load balancer listens");
        var (code, body) = await ClusterFixture.Curl($"http://{ip}:8080");
        Assert.Equal(System.Net.HttpStatusCode.OK, code);
        Assert.Matches("^Hello, world!\nVersion: 1\\.0\\.0\nHostname: hello-", body);
        Assert.Contains(pods, p => body.Contains(p.Metadata.Name));
        var describe = f.Kubectl.Ok("-n", ns, "describe", "service", "hello");
        Assert.Matches(@"Normal\s+EnsuringLoadBalancer\s+\S+\s+service-controller\s+Ensuring load balancer", describe);
        Assert.Matches(@"Normal\s+EnsuredLoadBalancer\s+\S+\s+service-controller\s+Ensured load balancer", describe);
        Assert.Matches($@"LoadBalancer Ingress:\s+{Regex.Escape(ip)}", describe);

        // Deleting it releases the address (the cleanup finalizer lets it go).
        f.Kubectl.Ok("-n", ns, "delete", "service", "hello");
        await ClusterFixture.Eventually(async () => (await ClusterFixture.Curl($"http://{ip}:8080")).Code is null, "the load balancer address stops answering");
    }

    [Fact]
    public async Task CordonAndUncordon_KeepNewPodsOff_WithNodeEvents()
    {
        var node = ClusterFixture.NodeNames[2];
        try
        {
            Assert.Equal($"node/{node} cordoned", f.Kubectl.Ok("cordon", node).Trim());
            Assert.Matches($@"(?m)^{node}\s+Ready,SchedulingDisabled\s", f.Kubectl.Ok("get", "nodes"));
            var described = f.Kubectl.WaitFor("NodeNotSchedulable", "describe", "node", node);
            Assert.Matches(@"Taints:\s+node\.kubernetes\.io/unschedulable:NoSchedule", described);
            Assert.Matches(@"Unschedulable:\s+true", described);
            Assert.Matches($@"Normal\s+NodeNotSchedulable\s+\S+\s+kubelet\s+Node {node} status is now: NodeNotSchedulable", described);

            var ns = f.NewNamespace("cordon");
            f.Apply(ns, CourseManifests.Deployment.Replace("replicas: 2", "replicas: 4"));
            var pods = await f.RunningPods(ns, "app=nginx", 4);
            Assert.DoesNotContain(pods, p => p.Spec.NodeName == node);
        }
        finally
        {
            Assert.Equal($"node/{node} uncordoned", f.Kubectl.Ok("uncordon", node).Trim());
        }
        Assert.Matches($@"(?m)^{node}\s+Ready\s", f.Kubectl.Ok("get", "nodes"));
        var after = f.Kubectl.WaitFor("NodeSchedulable", "describe", "node", node);
        Assert.Matches(@"Taints:\s+<none>", after);
        Assert.Matches($@"Normal\s+NodeSchedulable\s+\S+\s+kubelet\s+Node {node} status is now: NodeSchedulable", after);
    }

    [Fact]
    public async Task Logs_Previous_Follow_AndCopy_OnPodsTheControllersRun()
    {
        var ns = f.NewNamespace("course-logs");
        f.Apply(ns, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: crasher}
            spec:
              replicas: 1
              selector: {matchLabels: {app: crasher}}
              template:
                metadata: {labels: {app: crasher}}
                spec:
                  containers:
                  - name: main
                    image: busybox
                    command: ["sh", "-c", "echo starting; sleep 0.5; echo giving up; exit 3"]
            """);
        V1Pod crasher = null!;
        await ClusterFixture.Eventually(async () =>
        {
            crasher = (await f.Pods(ns, "app=crasher")).SingleOrDefault()!;
            return crasher?.Status?.ContainerStatuses?.SingleOrDefault()?.RestartCount >= 1;
        }, "the crashing container was restarted");
        var previous = f.Kubectl.Ok("-n", ns, "logs", crasher.Metadata.Name, "--previous");
        Assert.Equal("starting\ngiving up\n", previous);
        var described = f.Kubectl.Ok("-n", ns, "describe", "pod", crasher.Metadata.Name);
        Assert.Matches(@"Last State:\s+Terminated\s+Reason:\s+Error\s+Exit Code:\s+3", described);
        Assert.Matches(@"Restart Count:\s+[1-9]", described);
        Assert.Matches($@"(?m)^{crasher.Metadata.Name}\s+[01]/1\s+(Running|Error|CrashLoopBackOff)\s+[1-9]", f.Kubectl.Ok("-n", ns, "get", "pods", "-l", "app=crasher"));

        // logs -f follows a Job's pod until its container ends; the Job completes.
        f.Apply(ns, """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: printer}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: busybox
                    command: ["sh", "-c", "for i in 1 2 3; do echo line $i; sleep 0.3; done"]
            """);
        await ClusterFixture.Eventually(async () => (await f.Pods(ns, "job-name=printer")).Any(p => p.Status?.Phase is "Running" or "Succeeded"), "the job's pod runs");
        var followed = f.Kubectl.Run(new[] { "-n", ns, "logs", "-f", "job/printer" }, null, null, TimeSpan.FromSeconds(20));
        Assert.Equal(0, followed.ExitCode);
        Assert.Equal("line 1\nline 2\nline 3\n", followed.Stdout);
        f.Kubectl.WaitFor(@"(?m)^printer\s+(Complete\s+)?1/1\s", "-n", ns, "get", "jobs");
        Assert.Matches(@"(?m)^printer-\S+\s+0/1\s+Completed\s+0\s", f.Kubectl.Ok("-n", ns, "get", "pods", "-l", "job-name=printer"));

        // kubectl cp both ways with a Deployment's pod.
        f.Apply(ns, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: box}
            spec:
              replicas: 1
              selector: {matchLabels: {app: box}}
              template:
                metadata: {labels: {app: box}}
                spec:
                  containers:
                  - name: main
                    image: busybox
                    command: ["sleep", "3600"]
            """);
        var box = (await f.RunningPods(ns, "app=box", 1)).Single().Metadata.Name;
        var local = f.TempFile("notes.txt", "practised with kubectl cp\n");
        f.Kubectl.Ok("-n", ns, "cp", local, $"{box}:/tmp/notes.txt");
        Assert.Equal("practised with kubectl cp\n", f.Kubectl.Ok("-n", ns, "exec", box, "--", "cat", "/tmp/notes.txt"));
        var back = Path.Combine(Path.GetDirectoryName(local)!, "back.txt");
        f.Kubectl.Ok("-n", ns, "cp", $"{box}:/tmp/notes.txt", back);
        Assert.Equal("practised with kubectl cp\n", File.ReadAllText(back));
    }

    [Fact]
    public async Task Drain_WaitsForTheDisruptionBudget_ThenEvictsAndTheNodeStaysCordoned()
    {
        var ns = f.NewNamespace("course-drain");
        f.Apply(ns, CourseManifests.Deployment.Replace("app: nginx", "app: drained"));
        f.Apply(ns, "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: keep-two}\nspec:\n  minAvailable: 2\n  selector: {matchLabels: {app: drained}}\n");
        var pods = await f.RunningPods(ns, "app=drained", 2);
        var victim = pods[0];
        var node = victim.Spec.NodeName;
        await ClusterFixture.Eventually(async () =>
            (await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("keep-two", ns)).Status is { CurrentHealthy: 2, DisruptionsAllowed: 0 }, "the budget allows nothing");
        using var drain = f.Kubectl.Start("drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--pod-selector", "app=drained", "--timeout=90s");
        try
        {
            await ClusterFixture.Eventually(() => Task.FromResult(drain.Stderr.Contains("Cannot evict pod as it would violate the pod's disruption budget.")),
                "the eviction is refused (429) and kubectl retries", 30);
            Assert.Contains($"error when evicting pods/\"{victim.Metadata.Name}\" -n \"{ns}\" (will retry after 5s)", drain.Stderr);
            Assert.Equal(2, (await f.Pods(ns, "app=drained")).Count(p => p.Metadata.DeletionTimestamp is null));

            // More replicas (on the other nodes: this one is cordoned) make room in the budget.
            f.Kubectl.Ok("-n", ns, "scale", "deployment", "nginx-deployment", "--replicas=3");
            var result = drain.WaitForExit(TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"node/{node} cordoned", result.Stdout);
            Assert.Contains($"evicting pod {ns}/{victim.Metadata.Name}", result.Stdout);
            Assert.Contains($"pod/{victim.Metadata.Name} evicted", result.Stdout);
            Assert.Contains($"node/{node} drained", result.Stdout);
            var after = await f.RunningPods(ns, "app=drained", 3);
            Assert.DoesNotContain(after, p => p.Spec.NodeName == node);
            Assert.Matches($@"(?m)^{node}\s+Ready,SchedulingDisabled\s", f.Kubectl.Ok("get", "nodes"));
        }
        finally
        {
            f.Kubectl.Ok("uncordon", node);
        }
    }
}
