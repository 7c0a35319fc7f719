using System.Text.Json;
using System.Text.Json.Serialization;

namespace PracticeK8s.Sandbox.Hosting;

/// <summary>DIR/sandbox.json: written once the server answers, removed on clean shutdown.</summary>
public sealed record ReadyFile(
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("dataDir")] string DataDir,
    [property: JsonPropertyName("kubeconfig")] string Kubeconfig,
    [property: JsonPropertyName("adminToken")] string AdminToken,
    [property: JsonPropertyName("readOnlyToken")] string ReadOnlyToken,
    [property: JsonPropertyName("startedAt")] string StartedAt,
    [property: JsonPropertyName("isolation")] string Isolation = "None",
    [property: JsonPropertyName("clusterDns"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClusterDns = null)
{
    public const string FileName = "sandbox.json";

    /// <summary>Written (0600) to a temp file and renamed, so a poller never reads half a file.</summary>
    public void Write(string dataDir) =>
        Security.PrivateFiles.WriteAtomically(Path.Combine(dataDir, FileName),
            JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));

    public static void Delete(string dataDir)
    {
        try { File.Delete(Path.Combine(dataDir, FileName)); } catch (IOException) { }
    }
}
