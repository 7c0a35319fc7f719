using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PracticeK8s.Tests.Merge;

/// <summary>
/// Stock kubectl used offline as the referee of patch semantics: <c>kubectl patch --local</c> applies a
/// patch to a file without a server. The binary is <c>$KUBECTL</c>, else the 1.32 build, else <c>kubectl</c>.
/// </summary>
internal static class Kubectl
{
    private static readonly string Binary = Environment.GetEnvironmentVariable("KUBECTL") is { Length: > 0 } configured
        ? configured
        : File.Exists("/usr/lib/google-cloud-sdk/bin/kubectl.1.32") ? "/usr/lib/google-cloud-sdk/bin/kubectl.1.32" : "kubectl";

    /// <summary>The object kubectl produces by applying <paramref name="patch"/> of <paramref name="type"/> to <paramref name="original"/>.</summary>
    public static JsonNode PatchLocally(JsonNode original, JsonNode patch, string type)
    {
        var file = Path.Combine(Path.GetTempPath(), $"practicek8s-merge-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, original.ToJsonString());
        try
        {
            var start = new ProcessStartInfo(Binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "patch", "--local", "-f", file, "--type", type, "-p", patch.ToJsonString(), "-o", "json", "--kubeconfig", "/dev/null" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("kubectl patch --local did not finish in 20 s");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl failed ({process.ExitCode}): {stderr.Result}");
            }

            return JsonNode.Parse(stdout.Result)!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
