using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Engine.Sandbox;

/// <summary>
/// Where the user's current sandbox is recorded: $PRACTICEK8S_HOME (default ~/.practicek8s)/sandbox.json
/// holds its data dir, the kubeconfig it was added to, and what to restore when it stops.
/// </summary>
public static class SandboxRegistry
{
    public const string ContextName = "practicek8s-sandbox";

    public static string Home =>
        Environment.GetEnvironmentVariable("PRACTICEK8S_HOME") is { Length: > 0 } home
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".practicek8s");

    public static string StatePath => Path.Combine(Home, "sandbox.json");

    public static JsonObject? Read()
    {
        try
        {
            return File.Exists(StatePath) ? JsonNode.Parse(File.ReadAllText(StatePath)) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Write(JsonObject state)
    {
        Directory.CreateDirectory(Home);
        File.WriteAllText(StatePath, state.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(StatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static void Clear()
    {
        if (File.Exists(StatePath))
            File.Delete(StatePath);
    }
}
