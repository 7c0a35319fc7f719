namespace PracticeK8s.Engine.Sandbox;

/// <summary>A practice cluster started by Start-KubeSandbox, as Get-KubeSandbox reports it.</summary>
public sealed class SandboxInfo
{
    public bool Running { get; init; }
    public string Url { get; init; } = "";
    public int Port { get; init; }
    public int ProcessId { get; init; }
    public string DataDir { get; init; } = "";
    public string Context { get; init; } = SandboxRegistry.ContextName;
    public string Kubeconfig { get; init; } = "";
    public string SandboxKubeconfig { get; init; } = "";
    public bool TemporaryDataDir { get; init; }
    public DateTime? StartedAt { get; init; }
    public string LogFile { get; init; } = "";

    public string StatusText => Running ? "Running" : "Stopped";

    public override string ToString() => $"{Context} {StatusText} {Url}";
}
