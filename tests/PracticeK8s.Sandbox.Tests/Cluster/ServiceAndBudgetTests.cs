using k8s.Models;

namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>Endpoints of ready and unready pods, load balancer release, and PodDisruptionBudget status.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceAndBudgetTests(ClusterFixture f)
{
    [Fact]
    public async Task Endpoints_ListReadyPods_AndUnreadyOnesApart()
    {
        var ns = f.NewNamespace("ep");
        f.Apply(ns, """
            apiVersion: v1
            kind: Pod
            metadata: {name: slow, labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx
                ports: [{name: http, containerPort: 80}]
                readinessProbe:
                  httpGet: {path: /, port: 80}
                  initialDelaySeconds: 3600
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: quick, labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx
                ports: [{name: http, containerPort: 80}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{name: http, port: 8080, targetPort: http}]
            """);
        V1Endpoints ep = null!;
        await ClusterFixture.Eventually(async () =>
        {
            ep = await f.Admin.CoreV1.ReadNamespacedEndpointsAsync("web", ns);
            return ep.Subsets?.SingleOrDefault() is { Addresses.Count: 1, NotReadyAddresses.Count: 1 };
        }, "one ready and one unready address");
        var subset = ep.Subsets.Single();
        Assert.Equal("quick", subset.Addresses.Single().TargetRef.Name);
        Assert.Equal("slow", subset.NotReadyAddresses.Single().TargetRef.Name);
        Assert.Equal(("http", 80, "TCP"), (subset.Ports.Single().Name, subset.Ports.Single().Port, subset.Ports.Single().Protocol));
        V1EndpointSlice slice = null!;
        await ClusterFixture.Eventually(async () =>
        {
            slice = (await f.Admin.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns, labelSelector: "kubernetes.io/service-name=web")).Items.Single();
            return slice.Endpoints?.Count == 2;
        }, "the slice lists both pods (its controller runs apart from the Endpoints one)");
        Assert.Equal("endpointslice-controller.k8s.io", slice.Metadata.Labels["endpointslice.kubernetes.io/managed-by"]);
        Assert.Equal("Service", slice.Metadata.OwnerReferences.Single().Kind);
        Assert.Equal(new[] { "quick=True", "slow=False" },
            slice.Endpoints.Select(e => $"{e.TargetRef.Name}={e.Conditions.Ready}").Order());
        var slow = await f.Admin.CoreV1.ReadNamespacedPodAsync("slow", ns);
        Assert.Equal(("Running", "False"), (slow.Status.Phase, slow.Status.Conditions.Single(c => c.Type == "Ready").Status));

        f.Kubectl.Ok("-n", ns, "delete", "pod", "quick");
        await ClusterFixture.Eventually(async () =>
            (await f.Admin.CoreV1.ReadNamespacedEndpointsAsync("web", ns)).Subsets?.SingleOrDefault()?.Addresses is null, "the deleted pod leaves the endpoints");
    }

    [Fact]
    public async Task ALoadBalancerThatBecomesClusterIp_ReleasesItsAddress()
    {
        var ns = f.NewNamespace("lb");
        f.Apply(ns, "apiVersion: v1\nkind: Service\nmetadata: {name: front}\nspec:\n  type: LoadBalancer\n  selector: {app: front}\n  ports: [{port: 80}]\n");
        V1Service svc = null!;
        await ClusterFixture.Eventually(async () =>
        {
            svc = await f.Admin.CoreV1.ReadNamespacedServiceAsync("front", ns);
            return svc.Status?.LoadBalancer?.Ingress?.Count == 1;
        }, "an ingress address");
        Assert.Contains("service.kubernetes.io/load-balancer-cleanup", svc.Metadata.Finalizers);
        Assert.NotNull(svc.Spec.Ports.Single().NodePort);
        f.Kubectl.Ok("-n", ns, "patch", "service", "front", "--type=merge", "-p", """{"spec":{"type":"ClusterIP","ports":[{"port":80,"nodePort":null}]}}""");
        await ClusterFixture.Eventually(async () =>
        {
            svc = await f.Admin.CoreV1.ReadNamespacedServiceAsync("front", ns);
            return svc.Status?.LoadBalancer?.Ingress is null or { Count: 0 } && svc.Metadata.Finalizers is null;
        }, "the address is released");
        Assert.Contains(await f.Events(ns, "front"), e => e.Reason == "DeletedLoadBalancer");
    }

    [Fact]
    public async Task DisruptionBudgetStatus_CountsHealthyPodsAgainstTheBudget()
    {
        var ns = f.NewNamespace("pdb");
        f.Apply(ns, CourseManifests.Deployment.Replace("replicas: 2", "replicas: 3"));
        f.Apply(ns, "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: keep-two}\nspec:\n  minAvailable: 2\n  selector: {matchLabels: {app: nginx}}\n");
        f.Apply(ns, "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: one-down}\nspec:\n  maxUnavailable: 34%\n  selector: {matchLabels: {app: nginx}}\n");
        await f.RunningPods(ns, "app=nginx", 3);
        await ClusterFixture.Eventually(async () =>
            (await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("keep-two", ns)).Status?.CurrentHealthy == 3, "the budget sees three healthy pods");
        var keep = (await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("keep-two", ns)).Status;
        Assert.Equal((3, 2, 3, 1), (keep.CurrentHealthy, keep.DesiredHealthy, keep.ExpectedPods, keep.DisruptionsAllowed));
        Assert.Equal(("True", "SufficientPods"), (keep.Conditions.Single().Status, keep.Conditions.Single().Reason));
        var oneDown = (await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("one-down", ns)).Status;
        Assert.Equal((3, 1, 3, 2), (oneDown.CurrentHealthy, oneDown.DesiredHealthy, oneDown.ExpectedPods, oneDown.DisruptionsAllowed));
        Assert.Matches(@"(?m)^keep-two\s+2\s+N/A\s+1\s", f.Kubectl.Ok("-n", ns, "get", "pdb"));

        f.Kubectl.Ok("-n", ns, "scale", "deployment", "nginx-deployment", "--replicas=2");
        await ClusterFixture.Eventually(async () =>
            (await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("keep-two", ns)).Status is { CurrentHealthy: 2, DisruptionsAllowed: 0 },
            "at the budget's minimum no disruption is allowed");
        Assert.Equal(("False", "InsufficientPods"), (await f.Admin.PolicyV1.ReadNamespacedPodDisruptionBudgetAsync("keep-two", ns)).Status.Conditions
            .Select(c => (c.Status, c.Reason)).Single());
    }
}
