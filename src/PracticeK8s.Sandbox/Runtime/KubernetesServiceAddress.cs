namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// Where a container reaches the API server (KUBERNETES_SERVICE_HOST/PORT). On a cluster that is the
/// kubernetes Service (10.96.0.1:443); pods here share the host's network and that address does not
/// exist on the host yet, so until the networking issue gives pods the service network the sandbox
/// sets its own reachable address (127.0.0.1 and its port) once it listens.
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
