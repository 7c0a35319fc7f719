using System.Management.Automation;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Debug;

/// <summary>The ephemeral container kubectl debug adds: image, name, target, command, stdin/tty.</summary>
public sealed record DebugContainer(string Name, string Image, string? Target, IReadOnlyList<string> Command, bool Stdin, bool Tty)
{
    /// <summary>The spec.ephemeralContainers entry, as kubectl debug writes it.</summary>
    public JsonObject ToJson()
    {
        var c = new JsonObject { ["name"] = Name, ["image"] = Image, ["terminationMessagePolicy"] = "File" };
        if (Command.Count > 0) c["command"] = new JsonArray(Command.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray());
        if (Stdin) c["stdin"] = true;
        if (Tty) c["tty"] = true;
        if (!string.IsNullOrEmpty(Target)) c["targetContainerName"] = Target;
        return c;
    }
}

/// <summary>How the debug container ended up: running (attachable) or already terminated (its exit code).</summary>
public sealed record DebugContainerState(bool Running, int? ExitCode, string? Reason);

/// <summary>
/// kubectl debug POD --image: adds an ephemeral container through pods/ephemeralcontainers (a
/// strategic merge patch appending to spec.ephemeralContainers), then waits until the kubelet
/// reports it running (or terminated) in status.ephemeralContainerStatuses.
/// </summary>
public sealed class PodDebugger(KubeConnection connection)
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789"; // kubectl's utilrand alphabet (no vowels, no look-alikes)

    /// <summary>kubectl's default name: debugger- and five random characters.</summary>
    public static string DefaultName() =>
        "debugger-" + new string(Enumerable.Range(0, 5).Select(_ => NameAlphabet[RandomNumberGenerator.GetInt32(NameAlphabet.Length)]).ToArray());

    public async Task<JsonObject> AddAsync(string ns, string pod, DebugContainer container, CancellationToken cancel)
    {
        var patch = new JsonObject { ["spec"] = new JsonObject { ["ephemeralContainers"] = new JsonArray(container.ToJson()) } };
        try
        {
            return await new KubeResourceClient(connection).PatchAsync(KindCatalog.Pod, ns, pod, PatchTypes.StrategicMerge, patch.ToJsonString(),
                new WriteQuery(), cancel, subresource: "ephemeralcontainers").ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            throw ObjectNotFound.Of(KindCatalog.Pod, pod, e);
        }
    }

    /// <summary>Polls the pod until the container runs or has ended; throws after <paramref name="timeout"/>.</summary>
    public async Task<DebugContainerState> WaitAsync(string ns, string pod, string container, TimeSpan timeout, CancellationToken cancel)
    {
        var client = new KubeResourceClient(connection);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var json = await client.GetJsonAsync(KindCatalog.Pod, ns, pod, cancel).ConfigureAwait(false);
            if (StateOf(json, container) is { } state)
                return state;
            if (DateTime.UtcNow >= deadline)
            {
                throw new KubeException($"timed out waiting for the debug container {container} of pod {pod} to start", "KubeDebugTimeout",
                    ErrorCategory.OperationTimeout, pod);
            }
            await Task.Delay(300, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>The container's state in status.ephemeralContainerStatuses; null while it is still waiting.</summary>
    public static DebugContainerState? StateOf(JsonObject pod, string container)
    {
        var statuses = pod["status"]?["ephemeralContainerStatuses"] as JsonArray;
        var status = statuses?.OfType<JsonObject>().FirstOrDefault(s => (string?)s["name"] == container);
        var state = status?["state"] as JsonObject;
        if (state?["running"] is JsonObject)
            return new DebugContainerState(true, null, null);
        if (state?["terminated"] is JsonObject t)
            return new DebugContainerState(false, (int?)t["exitCode"], (string?)t["reason"]);
        return null;
    }
}
