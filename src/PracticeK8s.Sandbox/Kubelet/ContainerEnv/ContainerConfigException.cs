namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>
/// Why a container's config cannot be generated (kubelet's CreateContainerConfigError): the message
/// is kubelet's, e.g. <c>configmap "x" not found</c> or <c>couldn't find key k in ConfigMap ns/x</c>.
/// </summary>
public sealed class ContainerConfigException(string message) : Exception(message)
{
    public const string Reason = "CreateContainerConfigError";
}
