using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Runtime.Lifecycle;

/// <summary>A container's <c>lifecycle</c>: the handlers run after it starts and before it is stopped.</summary>
public sealed record LifecycleHooks(LifecycleHandler? PostStart, LifecycleHandler? PreStop)
{
    /// <summary>Reads <c>spec.containers[].lifecycle</c>; null when the container has none.</summary>
    public static LifecycleHooks? FromJson(JsonObject? lifecycle)
    {
        if (lifecycle is null) return null;
        var hooks = new LifecycleHooks(LifecycleHandler.FromJson(lifecycle.Obj("postStart")), LifecycleHandler.FromJson(lifecycle.Obj("preStop")));
        return hooks.PostStart is null && hooks.PreStop is null ? null : hooks;
    }
}

/// <summary>
/// One lifecycle handler: <c>exec.command</c> (run inside the container), <c>httpGet</c> (a request
/// to the container) or <c>sleep.seconds</c>. A numeric <c>httpGet.port</c> is kept; a named port is
/// resolved by the runner against the container's ports.
/// </summary>
public sealed record LifecycleHandler(IReadOnlyList<string>? Exec, HttpGetAction? HttpGet, long? SleepSeconds)
{
    public static LifecycleHandler? FromJson(JsonObject? handler)
    {
        if (handler is null) return null;
        if (handler.Obj("exec") is { } exec)
            return new LifecycleHandler(exec.Arr("command")?.Select(v => v?.ToString() ?? "").ToList() ?? new List<string>(), null, null);
        if (handler.Obj("httpGet") is { } get)
        {
            var port = get["port"] is JsonValue p && p.TryGetValue<string>(out var named) ? named : get.Long("port")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            return new LifecycleHandler(null, new HttpGetAction(get.Str("path") ?? "/", port, get.Str("scheme") ?? "HTTP"), null);
        }
        if (handler.Obj("sleep") is { } sleep) return new LifecycleHandler(null, null, sleep.Long("seconds") ?? 0);
        return null;
    }
}

/// <summary><c>httpGet</c> of a handler: path, port (number or name) and scheme.</summary>
public sealed record HttpGetAction(string Path, string Port, string Scheme);
