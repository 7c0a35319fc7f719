using System.Diagnostics;
using System.Management.Automation;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Files;

namespace PracticeK8s.Engine.Sandbox;

/// <summary>What Start-KubeSandbox asks for.</summary>
public sealed record SandboxStartRequest(string Name, string Kubeconfig)
{
    public string? DataDir { get; init; }
    public int Port { get; init; }
    public bool Temporary { get; init; }
    public bool MakeCurrent { get; init; } = true;
    /// <summary>Start even though the stored objects have a corrupt record (the server's --recover).</summary>
    public bool Recover { get; init; }
    /// <summary>How pods run: auto, namespaces or none (the server's --isolation); null: the server's default.</summary>
    public string? Isolation { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>What a start did: the instance, and whether it was running already.</summary>
public sealed record SandboxStartResult(SandboxInfo Sandbox, bool WasRunning);

/// <summary>
/// Starts, lists, stops and removes practice-cluster instances. Each instance's start and stop runs
/// under its own OS lock, so two shells starting one name get one server; its state lives in its
/// instance folder (see <see cref="SandboxHome"/>).
/// </summary>
public static class SandboxLauncher
{
    public static string ServerAssembly(string moduleDirectory) => Path.Combine(moduleDirectory, "sandbox", ServerProcess.AssemblyName);

    public static SandboxInfo? Get(string name)
    {
        var state = SandboxState.Read(name);
        return state is null ? null : SandboxInfo.From(state, IsRunning(state));
    }

    public static IReadOnlyList<SandboxInfo> List() =>
        SandboxHome.Names().Select(Get).OfType<SandboxInfo>().ToList();

    private static bool IsRunning(SandboxState state) => !state.Stopped && ServerProcess.IsServer(state.ProcessId, state.DataDir);

    /// <summary>Starts the instance, or returns it when it is already running.</summary>
    public static async Task<SandboxStartResult> StartAsync(string moduleDirectory, SandboxStartRequest request, Action<string> progress, CancellationToken cancel)
    {
        SandboxHome.ValidateName(request.Name);
        var server = ServerAssembly(moduleDirectory);
        if (!File.Exists(server))
            throw new KubeException($"the sandbox server is not in the module ({server} is missing)", "KubeSandboxMissing", ErrorCategory.ObjectNotFound, server);
        if (SandboxState.Read(request.Name)?.Kubeconfig is null)
            SandboxKubeconfig.RefuseClash(request.Kubeconfig, request.Name);   // before any folder of the name is made
        await CleanDeadTemporaryAsync(except: request.Name, progress, cancel).ConfigureAwait(false);
        var instanceDirectory = SandboxHome.EnsureInstanceDirectory(request.Name);
        using var held = await InstanceLock.AcquireAsync(request.Name, request.Timeout, progress, cancel).ConfigureAwait(false);

        var previous = SandboxState.Read(request.Name);
        if (previous is not null && IsRunning(previous))
        {
            if (request.DataDir is not null && !SamePath(request.DataDir, previous.DataDir))
                throw new KubeException($"the sandbox '{request.Name}' is running on another data dir ({previous.DataDir}); stop it first, or start this one under another -Name",
                    "KubeSandboxRunning", ErrorCategory.ResourceExists, request.Name);
            if (request.MakeCurrent)
            {
                previous = SandboxKubeconfig.MakeCurrent(previous);
                previous.Write();
            }
            return new SandboxStartResult(SandboxInfo.From(previous, running: true), WasRunning: true);
        }
        if (previous?.Kubeconfig is not null && !SamePath(previous.Kubeconfig, request.Kubeconfig))
            previous = SandboxKubeconfig.Remove(previous);   // an earlier run's entries in another kubeconfig

        // Without -DataDir, an instance goes on where it kept its data: a folder given before, or its own.
        var dataDir = request.DataDir ?? (previous is { OwnsDataDir: false } ? previous.DataDir : Path.Combine(instanceDirectory, "data"));
        var ownData = SamePath(dataDir, Path.Combine(instanceDirectory, "data"));
        var temporary = request.Temporary || (previous?.Temporary == true && request.DataDir is null);
        if (previous?.Temporary == true && previous.OwnsDataDir && Directory.Exists(previous.DataDir))
            Directory.Delete(previous.DataDir, recursive: true);   // a temporary instance that died: start it fresh
        PrivateFiles.CreateDirectory(dataDir);
        var readyFile = Path.Combine(dataDir, "sandbox.json");
        if (File.Exists(readyFile))
            File.Delete(readyFile);   // left by a server that was killed; the new one writes it when ready
        var log = Path.Combine(dataDir, "sandbox.log");

        var arguments = new List<string> { "--data-dir", dataDir, "--port", request.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (request.Recover)
            arguments.Add("--recover");
        if (request.Isolation is not null)
            arguments.AddRange(["--isolation", request.Isolation.ToLowerInvariant()]);
        progress($"starting {server} on data dir {dataDir}");
        using var launcher = ServerProcess.Start(server, arguments, dataDir, log);
        JsonObject ready;
        try
        {
            ready = await WaitForReadyAsync(launcher, readyFile, log, request.Timeout, cancel).ConfigureAwait(false);
        }
        catch
        {
            ServerProcess.KillNow(launcher.Id);
            throw;
        }

        var state = new SandboxState
        {
            Name = request.Name,
            ProcessId = ready["pid"]?.GetValue<int>() ?? launcher.Id,
            Url = ready["url"]?.GetValue<string>() ?? "",
            Port = ready["port"]?.GetValue<int>() ?? 0,
            DataDir = dataDir,
            OwnsDataDir = ownData,
            Temporary = temporary,
            LogFile = log,
            ServerKubeconfig = ready["kubeconfig"]?.GetValue<string>() ?? Path.Combine(dataDir, "kubeconfig"),
            StartedAt = DateTime.UtcNow,
            Isolation = string.Equals(ready["isolation"]?.GetValue<string>(), "namespaces", StringComparison.OrdinalIgnoreCase) ? "Namespaces" : "None",
        };
        try
        {
            state = SandboxKubeconfig.Add(state, request.Kubeconfig, request.MakeCurrent, previous);
            state.Write();
        }
        catch
        {
            await ServerProcess.StopAsync(state.ProcessId, dataDir, TimeSpan.FromSeconds(10), progress, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        progress($"sandbox '{state.Name}' ready at {state.Url}");
        return new SandboxStartResult(SandboxInfo.From(state, running: true), WasRunning: false);
    }

    /// <summary>
    /// Stops the instance (it flushes its state and exits), takes its entries out of the kubeconfig,
    /// and removes its folder when it was temporary or <paramref name="remove"/> is set. Null when there is no such instance.
    /// </summary>
    public static async Task<SandboxInfo?> StopAsync(string name, bool remove, bool keepData, Action<string> progress, CancellationToken cancel)
    {
        if (SandboxState.Read(name) is null && !Directory.Exists(SandboxHome.InstanceDirectory(name)))
            return null;
        using var held = await InstanceLock.AcquireAsync(name, TimeSpan.FromSeconds(60), progress, cancel).ConfigureAwait(false);
        var state = SandboxState.Read(name);
        if (state is null)
        {
            if (remove)
                RemoveFolder(name, progress);
            return null;
        }
        var wasRunning = IsRunning(state);
        if (wasRunning)
        {
            progress($"stopping sandbox '{name}' (process {state.ProcessId})");
            await ServerProcess.StopAsync(state.ProcessId, state.DataDir, TimeSpan.FromSeconds(10), progress, cancel).ConfigureAwait(false);
        }
        var stopped = SandboxKubeconfig.Remove(state) with { Stopped = true, ProcessId = 0 };
        var info = SandboxInfo.From(stopped, running: false);
        if (remove || (stopped.Temporary && !keepData))
        {
            if (!stopped.OwnsDataDir && remove)
                progress($"the data dir {stopped.DataDir} was given with -DataDir and is kept");
            held.Dispose();
            RemoveFolder(name, progress);
        }
        else
        {
            (stopped with { Temporary = stopped.Temporary && !keepData }).Write();
        }
        return info;
    }

    /// <summary>Temporary instances whose server died (nobody stopped them): their entries and data go.</summary>
    private static async Task CleanDeadTemporaryAsync(string except, Action<string> progress, CancellationToken cancel)
    {
        foreach (var name in SandboxHome.Names())
        {
            if (name == except || SandboxState.Read(name) is not { Temporary: true } state || IsRunning(state))
                continue;
            using (var held = InstanceLock.TryAcquire(name))
            {
                if (held is null)
                    continue;   // being started or stopped right now
            }
            progress($"removing the leftovers of temporary sandbox '{name}', whose server is gone");
            await StopAsync(name, remove: true, keepData: false, progress, cancel).ConfigureAwait(false);
        }
    }

    private static void RemoveFolder(string name, Action<string> progress)
    {
        var directory = SandboxHome.InstanceDirectory(name);
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            progress($"could not remove {directory}: {e.Message}");
        }
    }

    private static async Task<JsonObject> WaitForReadyAsync(Process launcher, string readyFile, string log, TimeSpan timeout, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (File.Exists(readyFile))
            {
                try
                {
                    if (JsonNode.Parse(await File.ReadAllTextAsync(readyFile, cancel).ConfigureAwait(false)) is JsonObject ready)
                        return ready;
                }
                catch (Exception e) when (e is IOException or System.Text.Json.JsonException) { }
            }
            if (launcher.HasExited)
            {
                var tail = TailOf(log);
                throw new KubeException($"the sandbox exited with code {launcher.ExitCode} while starting; its log ({log}) ends with:\n{tail}",
                    "KubeSandboxFailed", ErrorCategory.OpenError, log,
                    recommendedAction: tail.Contains("--recover", StringComparison.Ordinal)
                        ? "Start-KubeSandbox -Recover starts from the records before the damaged one and keeps the original file beside it." : null);
            }
            if (watch.Elapsed > timeout)
                throw new KubeException($"the sandbox did not answer within {timeout.TotalSeconds:0} s; see {log}", "KubeTimeout", ErrorCategory.OperationTimeout, log);
            await Task.Delay(100, cancel).ConfigureAwait(false);
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

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
