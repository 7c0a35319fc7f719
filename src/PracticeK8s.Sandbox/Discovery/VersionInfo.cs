using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Discovery;

/// <summary>/version: the sandbox reports Kubernetes 1.32 (kubectl's dispatcher picks its build from this).</summary>
public static class VersionInfo
{
    public static JsonObject Document() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.4",
        ["gitCommit"] = "59526cd4867447956156ae3a602fcbac10a2c335",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-04-22T16:02:27Z",
        ["goVersion"] = "go1.23.6",
        ["compiler"] = "gc",
        ["platform"] = OperatingSystem.IsWindows() ? "windows/amd64" : "linux/amd64",
    };
}
