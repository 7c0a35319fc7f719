using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PracticeK8s.Sandbox.Networking.Dns;
using PracticeK8s.Sandbox.Networking.Gateway;
using PracticeK8s.Sandbox.Networking.Http;
using PracticeK8s.Sandbox.Networking.Ingress;
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
        services.AddSingleton<ServiceRelay>();
        services.AddHostedService<ServiceProxy>();
        services.AddHostedService<Cluster.ClusterIpProxy>();
        // The cluster DNS: ClusterDnsServer.Serve(udp, tcp, ct) on the sockets of kube-dns (10.96.0.10:53, ClusterDnsService).
        services.AddSingleton<ClusterDnsResolver>();
        services.AddSingleton(_ => UpstreamForwarder.FromHost());
        services.AddSingleton<ClusterDnsServer>();
        services.AddHostedService<ClusterDnsService>();
        services.AddSingleton<ExtraClusterDnsListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ExtraClusterDnsListener>());
        services.AddSingleton<IngressRoutes>();
        services.AddSingleton<IngressCertificates>();
        services.AddSingleton<IngressRouter>();
        services.AddHostedService<IngressImageBinding>();
        services.AddHostedService<IngressController>();
        services.AddSingleton<GatewayRouter>();
        services.AddHostedService<GatewayController>();
    }
}
