using Microsoft.Extensions.DependencyInjection;
using PracticeK8s.Sandbox.Controllers.Namespaces;
using PracticeK8s.Sandbox.Controllers.Nodes;
using PracticeK8s.Sandbox.Controllers.Policy;
using PracticeK8s.Sandbox.Controllers.Services;
using PracticeK8s.Sandbox.Controllers.Volumes;
using PracticeK8s.Sandbox.Controllers.Workloads;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Kubelet;
using PracticeK8s.Sandbox.Networking;
using PracticeK8s.Sandbox.Scheduling;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>
/// Everything that makes the API server a cluster (needs an IContainerRuntime registered):
/// the kube-controller-manager's controllers, the cloud provider's service controller, the
/// scheduler, the nodes' kubelets, the API server's own endpoint reconciler, event expiry.
/// </summary>
public static class ClusterServices
{
    public static void Add(IServiceCollection services, ClusterSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<ClusterAccess>();
        services.AddSingleton<EventRecorder>();
        services.AddHostedService<Scheduler>();
        services.AddHostedService<KubeletService>();
        services.AddHostedService<ReplicaSetController>();
        services.AddHostedService<DeploymentController>();
        services.AddHostedService<DaemonSetController>();
        services.AddHostedService<StatefulSetController>();
        services.AddHostedService<JobController>();
        services.AddHostedService<EndpointsController>();
        services.AddHostedService<EndpointSliceController>();
        services.AddHostedService<KubernetesServiceEndpoints>();
        services.AddHostedService<LoadBalancerController>();
        services.AddHostedService<VolumeController>();
        services.AddHostedService<ProtectionController>();
        services.AddHostedService<AttachDetachController>();
        services.AddHostedService<DisruptionController>();
        services.AddHostedService<NodeLifecycleController>();
        services.AddHostedService<PodGarbageCollector>();
        services.AddHostedService<ServiceAccountController>();
        NetworkServices.Add(services);
        services.AddHostedService<EventExpiry>();
    }
}
