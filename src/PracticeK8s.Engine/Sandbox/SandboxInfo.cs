namespace PracticeK8s.Engine.Sandbox;

/// <summary>A practice-cluster instance as Get-KubeSandbox reports it.</summary>
public sealed class SandboxInfo
{
    public string Name { get; init; } = SandboxHome.DefaultName;
    public bool Running { get; init; }
    /// <summary>Running, Stopped, or Exited (the process is gone but Stop-KubeSandbox never ran: it crashed or was killed).</summary>
    public string Status { get; init; } = "Stopped";
    public string Url { get; init; } = "";
    public int Port { get; init; }
    public int ProcessId { get; init; }
    public string DataDir { get; init; } = "";
    public string Context { get; init; } = SandboxHome.DefaultName;
    /// <summary>The kubeconfig file holding the instance's contexts (empty when they were taken out).</summary>
    public string Kubeconfig { get; init; } = "";
    /// <summary>The server's own kubeconfig in its data dir (admin and read-only contexts).</summary>
    public string SandboxKubeconfig { get; init; } = "";
    public bool Temporary { get; init; }
    public DateTime? StartedAt { get; init; }
    public string LogFile { get; init; } = "";
    public string InstanceDir { get; init; } = "";
    /// <summary>Namespaces: each container runs in its own Linux namespaces. None: pods run as the user's own processes.</summary>
    public string Isolation { get; init; } = "None";

    /// <summary>Kept for scripts written before Status: the same text.</summary>
    public string StatusText => Status;

    public static SandboxInfo From(SandboxState state, bool running) => new()
    {
        Name = state.Name,
        Running = running,
        Status = running ? "Running" : state.Stopped ? "Stopped" : "Exited",
        Url = state.Url,
        Port = state.Port,
        ProcessId = running ? state.ProcessId : 0,
        DataDir = state.DataDir,
        Context = state.Context,
        Kubeconfig = state.Kubeconfig ?? "",
        SandboxKubeconfig = state.ServerKubeconfig,
        Temporary = state.Temporary,
        StartedAt = state.StartedAt,
        LogFile = state.LogFile,
        InstanceDir = SandboxHome.InstanceDirectory(state.Name),
        Isolation = state.Isolation,
    };

    public override string ToString() => $"{Name} {Status} {Url}";
}
