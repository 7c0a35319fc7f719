using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PracticeK8s.Sandbox.Networking.Gateway;
using PracticeK8s.Sandbox.Networking.Http;
using PracticeK8s.Sandbox.Networking.Pods;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>The cluster network: how traffic reaches pods, the Service proxy, and what routes HTTP to them.</summary>
public static class NetworkServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<IClusterNetwork, HostNetwork>();
        services.AddSingleton<BuiltinPodListeners>();
        services.AddHostedService(sp => sp.GetRequiredService<BuiltinPodListeners>());
        services.AddSingleton<IPodConnector, PodConnector>();
        services.AddHttpForwarder();
        services.AddSingleton<BackendForwarder>();
        services.AddSingleton<ServiceBalancer>();
        services.AddHostedService<ServiceProxy>();
        services.AddHostedService<Cluster.ClusterIpProxy>();
        services.AddSingleton<GatewayRouter>();
        services.AddHostedService<GatewayController>();
    }
}
