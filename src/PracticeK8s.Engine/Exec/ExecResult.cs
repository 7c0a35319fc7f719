namespace PracticeK8s.Engine.Exec;

/// <summary>What Invoke-KubeExec -PassThru writes: where the command ran and how it ended.</summary>
public sealed record ExecResult(string Namespace, string Pod, string Container, IReadOnlyList<string> Command, int ExitCode, string Protocol)
{
    public bool Succeeded => ExitCode == 0;
}
