using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Lifecycle;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Events;

/// <summary>Events live one hour after their last occurrence (the API server's event TTL).</summary>
public sealed class EventExpiry(SandboxState state, ILogger<EventExpiry> log) : PeriodicTask(log)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override void Tick()
    {
        var cutoff = DateTime.UtcNow - TimeToLive;
        foreach (var e in state.Store.List(EventRecorder.Key, null).Items)
        {
            var last = e.Root.TryGetProperty("lastTimestamp", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String
                ? t.GetString() : e.MetadataString("creationTimestamp");
            if (!DateTime.TryParse(last, null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var at) || at > cutoff) continue;
            state.Store.Write(EventRecorder.Key, e.Namespace, e.Name, current => current?.ResourceVersion == e.ResourceVersion ? Mutation.Delete : Mutation.Unchanged);
        }
    }
}
