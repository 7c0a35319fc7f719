using PracticeK8s.Sandbox.Api;

namespace PracticeK8s.Sandbox.Controllers;

/// <summary>Kubernetes <c>metav1.Time</c> has whole seconds; controllers stamp times through here.</summary>
public static class Clock
{
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    public static string Stamp() => ObjectPipeline.Timestamp(DateTime.UtcNow);

    /// <summary>Upstream's MicroTime (Lease renewTime, Event eventTime): six fraction digits.</summary>
    public static string MicroStamp() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'");
}
