using System.Diagnostics;

namespace PracticeK8s.Sandbox.Tests.Infrastructure;

public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>Stock kubectl pointed at a sandbox: its kubeconfig, its own discovery cache dir, a timeout.</summary>
public sealed class Kubectl(string kubeconfig, string cacheDir)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public KubectlResult Run(params string[] args) => Run(args, null, null);

    public KubectlResult Run(IEnumerable<string> args, string? stdin, IDictionary<string, string>? env, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
        };
        psi.ArgumentList.Add("--kubeconfig");
        psi.ArgumentList.Add(kubeconfig);
        psi.ArgumentList.Add("--cache-dir");
        psi.ArgumentList.Add(cacheDir);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("KUBECONFIG");
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeout ?? DefaultTimeout))
        {
            p.Kill(true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} timed out");
        }
        p.WaitForExit();
        return new KubectlResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs and asserts exit code 0, returning stdout.</summary>
    public string Ok(params string[] args)
    {
        var r = Run(args);
        Assert.True(r.ExitCode == 0, $"kubectl {string.Join(' ', args)} failed: {r}");
        return r.Stdout;
    }

    /// <summary>Runs kubectl until its output matches <paramref name="pattern"/> (the cluster converging); returns that output.</summary>
    public string WaitFor(string pattern, params string[] args) => WaitFor(pattern, TimeSpan.FromSeconds(30), args);

    public string WaitFor(string pattern, TimeSpan timeout, params string[] args)
    {
        var deadline = DateTime.UtcNow + timeout;
        var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.Multiline);
        KubectlResult last;
        do
        {
            last = Run(args);
            if (last.ExitCode == 0 && regex.IsMatch(last.Stdout)) return last.Stdout;
            Thread.Sleep(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"kubectl {string.Join(' ', args)} never matched /{pattern}/ within {timeout}: {last}");
        return "";
    }

    /// <summary>Runs kubectl with its long-running output (e.g. get -w) for a while, then kills it.</summary>
    public async Task<string> Stream(IEnumerable<string> args, Func<Task> whileRunning, TimeSpan settle)
    {
        var psi = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--kubeconfig", kubeconfig, "--cache-dir", cacheDir }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            await whileRunning();
            await Task.Delay(settle);
        }
        finally
        {
            if (!p.HasExited) p.Kill(true);
            p.WaitForExit(5000);
        }
        lock (output) return output.ToString();
    }
}
