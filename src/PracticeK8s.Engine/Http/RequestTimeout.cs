using System.Globalization;
using System.Text.RegularExpressions;

namespace PracticeK8s.Engine.Http;

/// <summary>
/// How long one non-streaming request may take, retries included (kubectl's --request-timeout):
/// <see cref="Default"/> unless a cmdlet's -RequestTimeout sets another for its own calls (it flows
/// with async calls, like <see cref="RequestLog"/>). Zero means no limit. Streams (watch, logs
/// -Follow, exec) are bounded only until their response headers arrive.
/// </summary>
public static partial class RequestTimeout
{
    private static readonly AsyncLocal<TimeSpan?> s_forCall = new();

    /// <summary>The documented default: ample for one request to an API server, which itself ends non-streaming requests after 60 s.</summary>
    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout set for the current call (null: <see cref="Default"/>).</summary>
    public static TimeSpan? ForCall { get => s_forCall.Value; set => s_forCall.Value = value; }

    /// <summary>The limit in force now, or null when there is none (a zero timeout).</summary>
    public static TimeSpan? Current => (ForCall ?? Default) is var t && t > TimeSpan.Zero ? t : null;

    /// <summary>
    /// kubectl's --request-timeout text: "0" (no limit), a bare number of seconds ("30"), or a Go
    /// duration ("500ms", "1.5s", "2m", "1h30m"). Also a .NET TimeSpan ("00:00:30").
    /// </summary>
    public static TimeSpan Parse(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return Checked(seconds * TimeSpan.TicksPerSecond, text);
        if (GoDurationPattern().Match(text) is { Success: true } match && match.Length > 0)
        {
            double ticks = 0;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unit = part.Value.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.');
                var number = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
                ticks += number * unit switch
                {
                    "ns" => 0.01,
                    "us" or "µs" => 10,
                    "ms" => TimeSpan.TicksPerMillisecond,
                    "s" => TimeSpan.TicksPerSecond,
                    "m" => TimeSpan.TicksPerMinute,
                    _ => TimeSpan.TicksPerHour,
                };
            }
            return Checked(ticks, text);
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
            return Checked(span.Ticks, text);
        throw new FormatException($"invalid request timeout \"{text}\": give a duration such as 30s, 500ms, 2m or 0 (no limit)");
    }

    /// <summary>A timeout as kubectl prints one: "30s", "1m0s", "500ms".</summary>
    public static string Format(TimeSpan timeout) =>
        timeout > TimeSpan.Zero && timeout < TimeSpan.FromSeconds(1)
            ? timeout.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms"
            : Drain.GoDuration.Format(timeout);

    private static TimeSpan Checked(double ticks, string text)
    {
        if (ticks < 0 || double.IsNaN(ticks) || ticks > TimeSpan.MaxValue.Ticks)
            throw new FormatException($"invalid request timeout \"{text}\": it must be zero (no limit) or a positive duration");
        return TimeSpan.FromTicks((long)ticks);
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex GoDurationPattern();
}
