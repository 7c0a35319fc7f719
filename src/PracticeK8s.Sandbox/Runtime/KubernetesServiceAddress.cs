namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// Where a container reaches the API server (KUBERNETES_SERVICE_HOST/PORT): the kubernetes Service
/// (10.96.0.1:443) when pods have the cluster network; in the host-process mode, where pods share the
/// host's network and that address does not exist, the sandbox sets its own address (127.0.0.1 and
/// its port) once it listens.
/// </summary>
public static class KubernetesServiceAddress
{
    public static string Host { get; private set; } = "10.96.0.1";
    public static string Port { get; private set; } = "443";

    public static void Set(string host, int port)
    {
        Host = host;
        Port = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
