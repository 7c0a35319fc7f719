using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using k8s;

namespace PracticeK8s.Sandbox.Tests.Infrastructure;

/// <summary>
/// A real sandbox server process on a data dir: started like Start-KubeSandbox does (waits for
/// sandbox.json), stopped with SIGTERM (clean) or SIGKILL (crash).
/// </summary>
public sealed class SandboxProcess : IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    public string DataDir { get; }
    public string Url { get; }
    public int Port { get; }
    public string KubeconfigPath { get; }
    public string AdminToken { get; }
    public string ReadOnlyToken { get; }
    public string StandardOutput => _stdout.ToString();
    private readonly System.Text.StringBuilder _stdout = new();
    private readonly System.Text.StringBuilder _stderr = new();

    private SandboxProcess(Process p, string dataDir, JsonElement ready)
    {
        _process = p;
        DataDir = dataDir;
        Url = ready.GetProperty("url").GetString()!;
        Port = ready.GetProperty("port").GetInt32();
        KubeconfigPath = ready.GetProperty("kubeconfig").GetString()!;
        AdminToken = ready.GetProperty("adminToken").GetString()!;
        ReadOnlyToken = ready.GetProperty("readOnlyToken").GetString()!;
    }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string StandardError => _stderr.ToString();

    public static SandboxProcess Start(string dataDir, IDictionary<string, string>? environment = null, params string[] extraArgs)
    {
        Directory.CreateDirectory(dataDir);
        return Launch(dataDir, environment, extraArgs);
    }

    private static ProcessStartInfo Command(string dataDir, IDictionary<string, string>? environment, IEnumerable<string> extraArgs)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PracticeK8s.Sandbox.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--data-dir");
        psi.ArgumentList.Add(dataDir);
        psi.ArgumentList.Add("--port");
        psi.ArgumentList.Add("0");
        foreach (var a in extraArgs) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        return psi;
    }

    /// <summary>Runs the server on a data dir expected to be refused; returns how it exited.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunToExit(string dataDir, params string[] extraArgs)
    {
        using var p = Process.Start(Command(dataDir, null, extraArgs))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(StartTimeout))
        {
            p.Kill(true);
            throw new TimeoutException($"sandbox on {dataDir} did not exit; stderr: {stderr.Result}");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the server on <paramref name="dataDir"/> as it is (the server creates it when missing).</summary>
    public static SandboxProcess Launch(string dataDir, IDictionary<string, string>? environment = null, params string[] extraArgs)
    {
        var readyPath = Path.Combine(dataDir, "sandbox.json");
        if (Directory.Exists(dataDir)) File.Delete(readyPath);
        var p = Process.Start(Command(dataDir, environment, extraArgs))!;
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!File.Exists(readyPath))
        {
            if (p.HasExited) throw new InvalidOperationException($"sandbox exited with {p.ExitCode}: {stderr}");
            if (DateTime.UtcNow > deadline)
            {
                p.Kill(true);
                throw new TimeoutException($"sandbox did not start within {StartTimeout}: {stderr}");
            }
            Thread.Sleep(50);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(readyPath));
        var sp = new SandboxProcess(p, dataDir, doc.RootElement.Clone());
        sp._stdout.Append(stdout);
        lock (stderr) sp._stderr.Append(stderr);
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (sp._stdout) sp._stdout.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (sp._stderr) sp._stderr.AppendLine(e.Data); };
        return sp;
    }

    public Kubernetes AdminClient() =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath, currentContext: "practicek8s-sandbox"));

    public Kubernetes ReadOnlyClient() =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath, currentContext: "practicek8s-sandbox-readonly"));

    /// <summary>An HttpClient that trusts the sandbox CA (for raw requests), with an optional bearer token.</summary>
    public HttpClient Http(string? token)
    {
        var ca = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(DataDir, "ca.crt")));
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
                chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
                return cert is not null && chain.Build(cert);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int SysKill(int pid, int sig);

    /// <summary>SIGTERM and wait; returns the exit code.</summary>
    public int Stop(TimeSpan? timeout = null)
    {
        if (_process.HasExited) return _process.ExitCode;
        if (OperatingSystem.IsWindows()) _process.Kill(true);
        else SysKill(_process.Id, 15);
        if (!_process.WaitForExit(timeout ?? TimeSpan.FromSeconds(20)))
        {
            _process.Kill(true);
            throw new TimeoutException("sandbox did not stop on SIGTERM");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies without any chance to flush.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) Stop(); }
        catch (Exception) { if (!_process.HasExited) _process.Kill(true); }
        _process.Dispose();
    }
}
