using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PracticeK8s.Sandbox.Tests.PortForward;

/// <summary>
/// A <c>kubectl port-forward</c> process of a given kubectl version against a sandbox: waits for its
/// "Forwarding from 127.0.0.1:N" line, exposes its output, and is always killed on dispose.
/// </summary>
public sealed partial class KubectlForward : IDisposable
{
    public const string Kubectl133 = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";
    public const string Kubectl128 = "/usr/lib/google-cloud-sdk/bin/kubectl.1.28";

    private readonly Process _process;
    private readonly StringBuilder _stdout = new(), _stderr = new();

    public int LocalPort { get; private set; }
    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    private KubectlForward(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>kubectl port-forward</c> with <paramref name="args"/> and waits until it listens.</summary>
    public static KubectlForward Start(string kubectl, string kubeconfig, string ns, IDictionary<string, string>? env, params string[] args)
    {
        Assert.True(File.Exists(kubectl), $"{kubectl} is not installed");
        var psi = new ProcessStartInfo(kubectl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--kubeconfig", kubeconfig, "-n", ns, "port-forward" }.Concat(args)) psi.ArgumentList.Add(a);
        psi.Environment.Remove("KUBECONFIG");
        psi.Environment.Remove("KUBECTL_PORT_FORWARD_WEBSOCKETS");
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        var forward = new KubectlForward(Process.Start(psi)!);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                if (ForwardingLine().Match(forward.Stdout) is { Success: true } m)
                {
                    forward.LocalPort = int.Parse(m.Groups[1].Value);
                    return forward;
                }
                if (forward._process.HasExited) break;
                Thread.Sleep(50);
            }
            throw new InvalidOperationException($"kubectl port-forward never listened:\n{forward.Stdout}\n{forward.Stderr}");
        }
        catch
        {
            forward.Dispose();
            throw;
        }
    }

    [GeneratedRegex(@"Forwarding from 127\.0\.0\.1:(\d+) ->")]
    private static partial Regex ForwardingLine();

    /// <summary>Waits for kubectl to exit by itself; null when it is still running after <paramref name="timeout"/>.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return null;
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(true); } catch (InvalidOperationException) { }
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
