using System.Diagnostics;

namespace PracticeK8s.Tests.Printing;

/// <summary>Runs a stock kubectl build against a fake server with its own kubeconfig and cache, in UTC.</summary>
internal sealed class KubectlRun : IDisposable
{
    private readonly string workDir = Directory.CreateTempSubdirectory("printing-kubectl-").FullName;

    public KubectlRun(int port)
    {
        File.WriteAllText(Path.Combine(workDir, "kubeconfig"), $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: fake, cluster: {server: "http://127.0.0.1:{{{port}}}"}}]
            users: [{name: u, user: {token: x}}]
            contexts: [{name: fake, context: {cluster: fake, user: u, namespace: default}}]
            current-context: fake
            """);
    }

    /// <summary>The kubectl build of that minor version (installed here as kubectl.1.NN), else kubectl on the PATH.</summary>
    public static string Binary(int minor) =>
        File.Exists($"/usr/lib/google-cloud-sdk/bin/kubectl.1.{minor}") ? $"/usr/lib/google-cloud-sdk/bin/kubectl.1.{minor}" : "kubectl";

    public string Run(int minor, params string[] args)
    {
        var start = new ProcessStartInfo(Binary(minor)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["TZ"] = "UTC";
        foreach (var arg in new[] { "--kubeconfig", Path.Combine(workDir, "kubeconfig"), "--cache-dir", Path.Combine(workDir, $"cache-{minor}") }.Concat(args))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish");
        }
        Assert.True(process.ExitCode == 0, $"kubectl 1.{minor} {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Result;
    }

    public void Dispose()
    {
        try { Directory.Delete(workDir, recursive: true); } catch (IOException) { }
    }
}
