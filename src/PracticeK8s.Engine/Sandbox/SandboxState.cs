using System.Text.Json;
using System.Text.Json.Serialization;
using PracticeK8s.Engine.Files;

namespace PracticeK8s.Engine.Sandbox;

/// <summary>
/// What an instance folder's state.json records: the server process, its data dir, and what its
/// start changed in the user's kubeconfig so that stopping it can put that back.
/// </summary>
public sealed record SandboxState
{
    public const string FileName = "state.json";

    public string Name { get; init; } = SandboxHome.DefaultName;
    public int ProcessId { get; init; }
    public string Url { get; init; } = "";
    public int Port { get; init; }
    public string DataDir { get; init; } = "";
    /// <summary>The data dir is the instance's own (not a -DataDir the user gave), so removing the instance removes it.</summary>
    public bool OwnsDataDir { get; init; }
    /// <summary>Removed with its data when it stops.</summary>
    public bool Temporary { get; init; }
    public string LogFile { get; init; } = "";
    public string ServerKubeconfig { get; init; } = "";
    public DateTime? StartedAt { get; init; }
    /// <summary>How the server runs pods, from its ready file: Namespaces (each container in its own Linux namespaces) or None (as the user's own processes).</summary>
    public string Isolation { get; init; } = "None";
    /// <summary>Stop-KubeSandbox ran: not running and its kubeconfig entries are gone.</summary>
    public bool Stopped { get; init; }

    /// <summary>The kubeconfig file the contexts were added to (null once they are taken out).</summary>
    public string? Kubeconfig { get; init; }
    /// <summary>Whether that file existed before the first start; its bytes then sit in kubeconfig-before.</summary>
    public bool KubeconfigExisted { get; init; }
    public int KubeconfigMode { get; init; }
    /// <summary>SHA-256 of the kubeconfig as the start left it: if it is unchanged at stop, the old bytes go back as they were.</summary>
    public string? KubeconfigAfterHash { get; init; }
    public string? PreviousContext { get; init; }

    [JsonIgnore] public string Context => Name;
    [JsonIgnore] public string ReadOnlyContext => Name + SandboxHome.ReadOnlySuffix;

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string PathOf(string name) => Path.Combine(SandboxHome.InstanceDirectory(name), FileName);

    public static SandboxState? Read(string name)
    {
        try
        {
            var path = PathOf(name);
            return File.Exists(path) ? JsonSerializer.Deserialize<SandboxState>(File.ReadAllText(path), s_json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write() => PrivateFiles.WriteAllText(PathOf(Name), JsonSerializer.Serialize(this, s_json));

    public static void Delete(string name)
    {
        var path = PathOf(name);
        if (File.Exists(path))
            File.Delete(path);
    }
}
