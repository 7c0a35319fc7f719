using System.Net.Http;
using k8s;

namespace PracticeK8s.Engine.Session;

/// <summary>A client for one context of one kubeconfig state. Thread-safe; shared by every runspace of the process.</summary>
public sealed class KubeConnection : IDisposable
{
    internal KubeConnection(string contextName, string cluster, string user, string server, string? defaultNamespace,
        Kubernetes client, KubernetesClientConfiguration configuration)
    {
        ContextName = contextName;
        Cluster = cluster;
        User = user;
        Server = server;
        DefaultNamespace = defaultNamespace;
        Client = client;
        Configuration = configuration;
        Api = new KubeApi(this);
    }

    public string ContextName { get; }
    public string Cluster { get; }
    public string User { get; }
    public string Server { get; }

    /// <summary>The context's namespace, or null when the context sets none.</summary>
    public string? DefaultNamespace { get; }

    /// <summary>The kubeconfig sets insecure-skip-tls-verify for this https server: its certificate is not checked.</summary>
    public bool SkipsTlsVerify { get; init; }

    internal Kubernetes Client { get; }
    internal KubernetesClientConfiguration Configuration { get; }

    /// <summary>The REST layer every cmdlet goes through.</summary>
    public KubeApi Api { get; }

    internal HttpClient Http => Client.HttpClient;

    public void Dispose() => Client.Dispose();

    public override string ToString() => $"{ContextName} ({Server})";
}
