using Microsoft.Extensions.DependencyInjection;
using PracticeK8s.Sandbox.Networking.Gateway;
using PracticeK8s.Sandbox.Networking.Http;

namespace PracticeK8s.Sandbox.Networking;

/// <summary>The cluster network: how traffic reaches pods, the Service proxy, and what routes HTTP to them.</summary>
public static class NetworkServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IPodConnector, PodConnector>();
        services.AddHttpForwarder();
        services.AddSingleton<BackendForwarder>();
        services.AddHostedService<ServiceProxy>();
        services.AddSingleton<GatewayRouter>();
        services.AddHostedService<GatewayController>();
    }
}
