namespace PracticeK8s.Engine.Http;

/// <summary>
/// Where the HTTP handlers report each request. A cmdlet sets the sink for its own calls (it flows
/// with async calls); the sink posts to the pipeline thread, never writes from the handler's thread.
/// </summary>
public static class RequestLog
{
    private static readonly AsyncLocal<Action<string>?> s_verbose = new();
    private static readonly AsyncLocal<Action<string>?> s_debug = new();

    public static Action<string>? Verbose { get => s_verbose.Value; set => s_verbose.Value = value; }
    public static Action<string>? Debug { get => s_debug.Value; set => s_debug.Value = value; }

    internal static void WriteVerbose(string text) => s_verbose.Value?.Invoke(text);

    /// <summary>Reports a milestone that is not a request (a watch reconnecting, a retry decision).</summary>
    public static void WriteVerboseText(string text) => s_verbose.Value?.Invoke(text);
    internal static void WriteDebug(string text) => s_debug.Value?.Invoke(text);
}
