using System.Diagnostics;
using System.Management.Automation;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Config;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Sandbox;

/// <summary>
/// Starts and stops the sandbox server process (bundled in the module's sandbox/ folder), and adds
/// its context to the user's kubeconfig — and takes it out again — without touching other entries.
/// </summary>
public static class SandboxLauncher
{
    public static string ServerAssembly(string moduleDirectory) => Path.Combine(moduleDirectory, "sandbox", "PracticeK8s.Sandbox.dll");

    /// <summary>The dotnet host to run the server with: this process's when it is one, else dotnet on PATH.</summary>
    public static string DotnetHost()
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return process;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (root is not null && File.Exists(Path.Combine(root, exe)))
            return Path.Combine(root, exe);
        return exe;
    }

    public static SandboxInfo? Current()
    {
        var state = SandboxRegistry.Read();
        if (state is null)
            return null;
        var pid = state["pid"]?.GetValue<int>() ?? 0;
        return new SandboxInfo
        {
            Running = IsAlive(pid),
            Url = state["url"]?.GetValue<string>() ?? "",
            Port = state["port"]?.GetValue<int>() ?? 0,
            ProcessId = pid,
            DataDir = state["dataDir"]?.GetValue<string>() ?? "",
            Kubeconfig = state["kubeconfig"]?.GetValue<string>() ?? "",
            SandboxKubeconfig = state["sandboxKubeconfig"]?.GetValue<string>() ?? "",
            TemporaryDataDir = state["temporary"]?.GetValue<bool>() ?? false,
            StartedAt = DateTime.TryParse(state["startedAt"]?.GetValue<string>(), null, System.Globalization.DateTimeStyles.RoundtripKind, out var t) ? t : null,
            LogFile = state["logFile"]?.GetValue<string>() ?? "",
        };
    }

    /// <summary>Starts a server on <paramref name="dataDir"/> and waits until it answers.</summary>
    public static async Task<SandboxInfo> StartAsync(string moduleDirectory, string? dataDir, int port, string kubeconfig,
        TimeSpan timeout, Action<string> progress, CancellationToken cancel)
    {
        if (Current() is { Running: true } running)
        {
            throw new KubeException($"a sandbox is already running at {running.Url} (data dir {running.DataDir}); stop it first with Stop-KubeSandbox",
                "KubeSandboxRunning", ErrorCategory.ResourceExists, running);
        }
        var server = ServerAssembly(moduleDirectory);
        if (!File.Exists(server))
            throw new KubeException($"the sandbox server is not in the module ({server} is missing)", "KubeSandboxMissing", ErrorCategory.ObjectNotFound, server);

        bool temporary = dataDir is null;
        dataDir ??= Path.Combine(Path.GetTempPath(), $"practicek8s-sandbox-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(dataDir);
        var readyFile = Path.Combine(dataDir, "sandbox.json");
        if (File.Exists(readyFile))
            File.Delete(readyFile);   // left by a server that was killed; the new one writes it when ready
        var log = Path.Combine(dataDir, "sandbox.log");

        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,
            WorkingDirectory = dataDir,
        };
        foreach (var arg in new[] { server, "--data-dir", dataDir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        progress($"starting {server} on data dir {dataDir}");
        var process = Process.Start(start) ?? throw new KubeException("the sandbox process did not start", "KubeSandboxFailed", ErrorCategory.OpenError);
        var logWriter = new StreamWriter(log, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (logWriter) logWriter.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (logWriter) logWriter.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var watch = Stopwatch.StartNew();
        JsonObject? ready = null;
        while (ready is null)
        {
            if (process.HasExited)
            {
                var tail = TailOf(log);
                throw new KubeException($"the sandbox exited with code {process.ExitCode} while starting; its log ({log}) ends with:\n{tail}",
                    "KubeSandboxFailed", ErrorCategory.OpenError, log);
            }
            if (watch.Elapsed > timeout)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new KubeException($"the sandbox did not answer within {timeout.TotalSeconds:0} s; see {log}", "KubeTimeout", ErrorCategory.OperationTimeout, log);
            }
            if (File.Exists(readyFile))
            {
                try { ready = JsonNode.Parse(await File.ReadAllTextAsync(readyFile, cancel).ConfigureAwait(false)) as JsonObject; }
                catch (Exception e) when (e is IOException or System.Text.Json.JsonException) { ready = null; }
            }
            if (ready is null)
                await Task.Delay(100, cancel).ConfigureAwait(false);
        }

        var sandboxKubeconfig = ready["kubeconfig"]?.GetValue<string>() ?? Path.Combine(dataDir, "kubeconfig");
        bool createdKubeconfig = !File.Exists(kubeconfig);
        AddContext(kubeconfig, sandboxKubeconfig);
        var state = new JsonObject
        {
            ["pid"] = process.Id,
            ["url"] = ready["url"]?.GetValue<string>(),
            ["port"] = ready["port"]?.GetValue<int>(),
            ["dataDir"] = dataDir,
            ["temporary"] = temporary,
            ["kubeconfig"] = kubeconfig,
            ["createdKubeconfig"] = createdKubeconfig,
            ["sandboxKubeconfig"] = sandboxKubeconfig,
            ["startedAt"] = DateTime.UtcNow.ToString("o"),
            ["logFile"] = log,
        };
        SandboxRegistry.Write(state);
        progress($"sandbox ready at {state["url"]} after {watch.Elapsed.TotalSeconds:0.0} s");
        return Current()!;
    }

    /// <summary>Stops the server (SIGTERM-like: it flushes and exits), takes its context out of the kubeconfig, forgets it.</summary>
    public static async Task<SandboxInfo?> StopAsync(bool keepData, Action<string> progress, CancellationToken cancel)
    {
        var current = Current();
        if (current is null)
            return null;
        if (current.Running)
        {
            using var process = Process.GetProcessById(current.ProcessId);
            progress($"stopping sandbox process {current.ProcessId}");
            if (!OperatingSystem.IsWindows())
                _ = Kill(current.ProcessId, 15);
            var exited = await WaitForExitAsync(process, TimeSpan.FromSeconds(10), cancel).ConfigureAwait(false);
            if (!exited)
            {
                progress("the sandbox did not stop within 10 s; killing it");
                process.Kill(entireProcessTree: true);
                await WaitForExitAsync(process, TimeSpan.FromSeconds(5), cancel).ConfigureAwait(false);
            }
        }
        if (File.Exists(current.Kubeconfig))
            RemoveContext(current.Kubeconfig, deleteIfEmpty: SandboxRegistry.Read()?["createdKubeconfig"]?.GetValue<bool>() == true);
        SandboxRegistry.Clear();
        if (current.TemporaryDataDir && !keepData && Directory.Exists(current.DataDir))
        {
            try { Directory.Delete(current.DataDir, recursive: true); }
            catch (IOException e) { progress($"could not remove {current.DataDir}: {e.Message}"); }
        }
        return current;
    }

    /// <summary>Adds (or refreshes) the sandbox's cluster, user and context in a kubeconfig; nothing else changes.</summary>
    public static void AddContext(string kubeconfig, string sandboxKubeconfig)
    {
        var source = KubeConfigDocument.Load(sandboxKubeconfig);
        var destination = File.Exists(kubeconfig) ? KubeConfigDocument.Load(kubeconfig) : KubeConfigDocument.CreateEmpty(kubeconfig);
        foreach (var section in new[] { KubeConfigDocument.Clusters, KubeConfigDocument.Users, KubeConfigDocument.Contexts })
        {
            foreach (var entry in source.Entries(section))
            {
                if (entry.Name.StartsWith("practicek8s-", StringComparison.Ordinal))
                    destination.Replace(section, entry.Name, entry.Entry);
            }
        }
        destination.Save();
    }

    /// <summary>Takes the sandbox's entries out of a kubeconfig again; restores current-context if it pointed at the sandbox.</summary>
    public static void RemoveContext(string kubeconfig, bool deleteIfEmpty = false)
    {
        var document = KubeConfigDocument.Load(kubeconfig);
        bool changed = false;
        foreach (var section in new[] { KubeConfigDocument.Clusters, KubeConfigDocument.Users, KubeConfigDocument.Contexts })
            changed |= document.RemoveWhere(section, name => name.StartsWith("practicek8s-", StringComparison.Ordinal));
        if (document.CurrentContext?.StartsWith(SandboxRegistry.ContextName, StringComparison.Ordinal) == true)
        {
            document.CurrentContext = "";
            changed = true;
        }
        if (deleteIfEmpty && document.Entries(KubeConfigDocument.Clusters).Count == 0 && document.Entries(KubeConfigDocument.Users).Count == 0
            && document.Entries(KubeConfigDocument.Contexts).Count == 0)
        {
            // Start-KubeSandbox created this file: leave no trace of it.
            File.Delete(kubeconfig);
            return;
        }
        if (changed)
            document.Save();
    }

    public static bool IsAlive(int pid)
    {
        if (pid <= 0)
            return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static string TailOf(string path)
    {
        try
        {
            var lines = File.ReadAllLines(path);
            return string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 15)));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
