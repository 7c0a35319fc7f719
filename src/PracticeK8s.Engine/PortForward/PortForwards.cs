using PracticeK8s.Engine.Exec;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.PortForward;

/// <summary>Builds a session that reaches its pod through a connection's API server (its TLS, credentials and handlers).</summary>
public static class PortForwards
{
    public static PortForwardSession Create(KubeConnection connection, ForwardTarget target, PortForwardOptions? options = null) =>
        new(target, connection.ContextName,
            (path, cancel) => ExecSocket.ConnectAsync(connection, path, PortForwardChannels.Offered, cancel),
            cancel => PodWatch.UntilLostAsync(connection, target.Namespace, target.Pod, target.PodUid, cancel),
            options);
}
