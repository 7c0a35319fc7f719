using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.Kubelet.ContainerEnv;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Tests.Kubelet;

/// <summary>The kubelet's step from a pod to the runtime's spec: resolved env/command/args, or the containers that cannot start yet.</summary>
public sealed class PodEnvironmentsUnitTests
{
    private sealed class Objects(params V1ConfigMap[] configMaps) : IEnvironmentSources
    {
        public V1ConfigMap? ConfigMap(string ns, string name) => configMaps.FirstOrDefault(c => c.Metadata.Name == name);
        public V1Secret? Secret(string ns, string name) => null;
        public IEnumerable<V1Service> Services(string ns) => new[]
        {
            new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "kubernetes", NamespaceProperty = "default" },
                Spec = new V1ServiceSpec { ClusterIP = "10.96.0.1", Ports = new List<V1ServicePort> { new() { Name = "https", Port = 443 } } },
            },
        };
    }

    private static V1Pod Pod() => new()
    {
        Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "ns", Uid = "uid-1" },
        Spec = new V1PodSpec
        {
            NodeName = "node-1",
            InitContainers = new List<V1Container>
            {
                new() { Name = "init", Image = "busybox", Command = new List<string> { "echo", "$(MODE)" },
                    Env = new List<V1EnvVar> { new() { Name = "MODE", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "cfg", Key = "mode" } } } } },
            },
            Containers = new List<V1Container>
            {
                new() { Name = "main", Image = "busybox", Args = new List<string> { "$(POD)" },
                    Env = new List<V1EnvVar> { new() { Name = "POD", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } } } },
            },
        },
    };

    private static PodSpecification Spec(V1Pod pod) => PodSpecification.FromPod(JsonNode.Parse(KubernetesJson.Serialize(pod))!.AsObject());

    [Fact]
    public void Resolved_EnvCommandAndArgsGoToTheRuntimeSpec_WithoutTheRuntimesOwnKeys()
    {
        var pod = Pod();
        var cfg = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = "ns" }, Data = new Dictionary<string, string> { ["mode"] = "fast" } };
        var outcome = new PodEnvironments(new Objects(cfg)).Resolve(pod, Spec(pod), new V1Node(), "172.18.0.2", "10.244.0.5");
        Assert.Empty(outcome.Failures);
        var init = outcome.Spec.InitContainers.Single();
        Assert.Equal("fast", init.Env["MODE"]);
        Assert.Equal(new[] { "echo", "fast" }, init.Command);
        var main = outcome.Spec.Containers.Single();
        Assert.Equal(new[] { "p" }, main.Args);
        Assert.Equal("tcp://10.96.0.1:443", main.Env["KUBERNETES_PORT"]);
        Assert.False(main.Env.ContainsKey("KUBERNETES_SERVICE_HOST"));
        // The runtime's environment keeps its own host/port for the master Service.
        var launched = ContainerLaunch.Environment(main, "p", "/root", false);
        Assert.Equal("p", launched["POD"]);
        Assert.True(launched.ContainsKey("KUBERNETES_SERVICE_HOST"));
    }

    [Fact]
    public void MissingConfigMap_FailsThatContainer_AndTheStatusShowsKubeletsReason()
    {
        var pod = Pod();
        var outcome = new PodEnvironments(new Objects()).Resolve(pod, Spec(pod), new V1Node(), "172.18.0.2", null);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(new ContainerConfigFailure("init", true, "configmap \"cfg\" not found"), failure);
        Assert.Equal("spec.initContainers{init}", failure.FieldPath);
        Assert.Equal("Error: configmap \"cfg\" not found", PodEnvironments.FailedMessage(failure));

        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var status = new V1PodStatus
        {
            Conditions = new List<V1PodCondition> { new() { Type = "PodReadyToStartContainers", Status = "False", LastTransitionTime = now } },
            InitContainerStatuses = new List<V1ContainerStatus> { new() { Name = "init", State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "PodInitializing" } } } },
        };
        PodEnvironments.ShowFailures(status, null, outcome.Failures, now.AddSeconds(5));
        var waiting = status.InitContainerStatuses[0].State.Waiting;
        Assert.Equal(("CreateContainerConfigError", "configmap \"cfg\" not found"), (waiting.Reason, waiting.Message));
        Assert.Equal(("True", now.AddSeconds(5)), (status.Conditions[0].Status, status.Conditions[0].LastTransitionTime));
    }
}
