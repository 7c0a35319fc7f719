using Microsoft.Extensions.DependencyInjection;
using PracticeK8s.Sandbox.Controllers.Workloads;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Kubelet;
using PracticeK8s.Sandbox.Scheduling;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>Everything that makes the API server a cluster: controllers, scheduler, kubelets, service proxy, events.</summary>
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
        services.AddHostedService<EventExpiry>();
    }
}
