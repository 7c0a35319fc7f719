namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>
/// A container's environment, command and args as kubelet hands them to the runtime: variables in
/// order (service links, then envFrom, then env; a later source replaces an earlier value in place),
/// <c>$(VAR)</c> references expanded; plus the warnings kubelet records as events.
/// </summary>
public sealed record ResolvedContainer(
    IReadOnlyList<KeyValuePair<string, string>> Env,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<EnvironmentWarning> Warnings);

/// <summary>A warning event of the environment's making (reason <c>InvalidEnvironmentVariableNames</c>).</summary>
public sealed record EnvironmentWarning(string Reason, string Message);
