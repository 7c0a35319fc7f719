using System.Globalization;
using System.Management.Automation;
using System.Text.Json;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Exec;

/// <summary>Reads the Status the server sends on channel 3 when the command ends (v4/v5).</summary>
public static class ExecStatus
{
    /// <summary>
    /// The command's exit code: 0 for Success (or no status at all), N for NonZeroExitCode; any
    /// other failure (container gone, command not found) is thrown with the server's message.
    /// </summary>
    public static int ExitCode(string statusJson, object? target = null)
    {
        if (string.IsNullOrWhiteSpace(statusJson))
            return 0;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(statusJson);
        }
        catch (JsonException)
        {
            // Pre-v4 protocols send plain text errors.
            throw new KubeException(statusJson.Trim(), "KubeExecFailed", ErrorCategory.InvalidResult, target);
        }
        using (doc)
        {
            var root = doc.RootElement;
            var status = Text(root, "status");
            if (status == "Success")
                return 0;
            var reason = Text(root, "reason");
            var message = Text(root, "message") ?? "command failed";
            if (reason == "NonZeroExitCode" && root.TryGetProperty("details", out var details)
                && details.TryGetProperty("causes", out var causes) && causes.ValueKind == JsonValueKind.Array)
            {
                foreach (var cause in causes.EnumerateArray())
                {
                    if (Text(cause, "reason") == "ExitCode"
                        && int.TryParse(Text(cause, "message"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
                    {
                        return code;
                    }
                }
            }
            throw new KubeException(message, "KubeExecFailed", ErrorCategory.InvalidResult, target);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
