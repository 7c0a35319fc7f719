using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Events;

/// <summary>Who records an event: <c>source.component</c> and, for node agents, <c>source.host</c>.</summary>
public sealed record EventSource(string Component, string? Host = null);

/// <summary>An Event's <c>involvedObject</c>.</summary>
public sealed record InvolvedObject(string Kind, string ApiVersion, string Namespace, string Name, string Uid, string? ResourceVersion,
    string? FieldPath = null)
{
    public static InvolvedObject Of(StoredObject o, string? fieldPath = null) => new(
        o.Root.GetProperty("kind").GetString()!, o.Root.GetProperty("apiVersion").GetString()!, o.Namespace, o.Name, o.Uid,
        o.ResourceVersion.ToString(), fieldPath);

    /// <summary>The kubelet refers to its Node by name (uid = node name, no resourceVersion), as upstream.</summary>
    public static InvolvedObject NodeByName(string node) => new("Node", "", "", node, node, null);
}

/// <summary>
/// Records core/v1 Events as the controllers' event recorders do: one Event per
/// (source, object, fieldPath, type, reason, message) — a repeat raises <c>count</c> and
/// <c>lastTimestamp</c> instead of adding another (describe shows "(x3 over 5m)"). Events of
/// cluster-scoped objects live in <c>default</c>. Names are <c>&lt;object&gt;.&lt;hex unix nanoseconds&gt;</c>.
/// </summary>
public sealed class EventRecorder(SandboxState state)
{
    public const string Key = "/events";
    private readonly CreateHandler _create = new(state);
    private readonly Dictionary<string, (string Ns, string Name)> _seen = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private long _lastNanos;

    public void Normal(EventSource source, StoredObject about, string reason, string message, string? fieldPath = null) =>
        Record(source, InvolvedObject.Of(about, fieldPath), "Normal", reason, message);

    public void Warning(EventSource source, StoredObject about, string reason, string message, string? fieldPath = null) =>
        Record(source, InvolvedObject.Of(about, fieldPath), "Warning", reason, message);

    public void Record(EventSource source, InvolvedObject about, string type, string reason, string message)
    {
        var ns = about.Namespace.Length > 0 ? about.Namespace : "default";
        var aggregate = string.Join('\u0001', source.Component, source.Host, about.Uid, about.FieldPath, type, reason, message);
        lock (_lock)
        {
            if (_seen.TryGetValue(aggregate, out var existing) && Bump(existing.Ns, existing.Name)) return;
            var name = $"{about.Name}.{UniqueNanos():x}";
            var now = Clock.Stamp();
            var involved = new JsonObject { ["kind"] = about.Kind };
            if (about.Namespace.Length > 0) involved["namespace"] = about.Namespace;
            involved["name"] = about.Name;
            involved["uid"] = about.Uid;
            if (about.ApiVersion.Length > 0) involved["apiVersion"] = about.ApiVersion;
            if (about.ResourceVersion is not null) involved["resourceVersion"] = about.ResourceVersion;
            if (about.FieldPath is not null) involved["fieldPath"] = about.FieldPath;
            var sourceNode = new JsonObject { ["component"] = source.Component };
            if (source.Host is not null) sourceNode["host"] = source.Host;
            var ev = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
                ["involvedObject"] = involved,
                ["reason"] = reason,
                ["message"] = message,
                ["source"] = sourceNode,
                ["firstTimestamp"] = now,
                ["lastTimestamp"] = now,
                ["count"] = 1,
                ["type"] = type,
                ["eventTime"] = null,
                ["reportingComponent"] = source.Component,
                ["reportingInstance"] = source.Host ?? "",
            };
            try
            {
                _create.CreateObject(ClusterAccess.Def(state, Key), ns, ev, dryRun: false);
                if (_seen.Count > 50_000) _seen.Clear();
                _seen[aggregate] = (ns, name);
            }
            catch (ApiException) { } // e.g. the namespace is terminating: the event is dropped, as upstream
        }
    }

    /// <summary>Unix nanoseconds, strictly increasing (two events in one tick still get two names).</summary>
    private long UniqueNanos()
    {
        var nanos = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        _lastNanos = nanos > _lastNanos ? nanos : _lastNanos + 1;
        return _lastNanos;
    }

    private bool Bump(string ns, string name)
    {
        var result = state.Store.Write(Key, ns, name, current =>
        {
            if (current is null) return Mutation.Unchanged;
            var node = current.ToNode();
            node["count"] = (node.Long("count") ?? 1) + 1;
            node["lastTimestamp"] = Clock.Stamp();
            return Mutation.Store(node);
        });
        return result.Changed;
    }
}
