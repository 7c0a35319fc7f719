using System.Text;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Runtime.Images;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime.Lifecycle;

/// <summary>
/// Runs a container's lifecycle handler as the kubelet does: <c>exec</c> inside the container (the
/// same way <c>kubectl exec</c> enters it), <c>httpGet</c> against the container's built-in server,
/// <c>sleep</c> as a pause; each bounded by a timeout. A handler fails on a non-zero exit, an HTTP
/// status outside 200-399, nothing listening on the port, or the timeout.
/// </summary>
public static class HookRunner
{
    /// <summary>At most this much of an exec handler's output is kept (for the failure message).</summary>
    private const int OutputLimit = 4096;

    public static async Task<HookResult> RunAsync(ContainerSupervisor c, LifecycleHandler handler, ProcessGroups groups, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            if (handler.Exec is { } command) return await ExecAsync(c, command, groups, cts.Token);
            if (handler.HttpGet is { } get) return await HttpGetAsync(c, get);
            if (handler.SleepSeconds is { } seconds)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, seconds)), cts.Token);
                return HookResult.Success;
            }
            return HookResult.Success;
        }
        catch (OperationCanceledException) { return new HookResult(false, $"timed out after {timeout.TotalSeconds:0.#}s"); }
        catch (ContainerRuntimeException e) { return new HookResult(false, e.Message); }
    }

    private static async Task<HookResult> ExecAsync(ContainerSupervisor c, IReadOnlyList<string> command, ProcessGroups groups, CancellationToken ct)
    {
        var spec = await ExecLaunch.ForAsync(c, command, tty: false, ct);
        var output = new StringBuilder();
        await using var process = HostProcess.Start(spec, (_, bytes) =>
        {
            lock (output)
                if (output.Length < OutputLimit) output.Append(Encoding.UTF8.GetString(bytes.Span[..Math.Min(bytes.Length, OutputLimit - output.Length)]));
            return ValueTask.CompletedTask;
        }, groups);
        process.CloseInput();
        using var kill = ct.Register(process.Kill);
        var exit = await process.Completion;
        ct.ThrowIfCancellationRequested();
        string text;
        lock (output) text = output.ToString();
        return exit == 0 ? HookResult.Success
            : new HookResult(false, $"command '{string.Join(' ', command)}' exited with {exit}: {text}");
    }

    private static async Task<HookResult> HttpGetAsync(ContainerSupervisor c, HttpGetAction get)
    {
        var image = ImageCatalog.Builtin(c.Image);
        var context = c.ImageContext;
        if (!int.TryParse(get.Port, out var port) || image is null || !image.HttpPorts(context).Contains(port))
            return new HookResult(false, $"Get \"http://{c.PodName}:{get.Port}{get.Path}\": dial tcp :{get.Port}: connect: connection refused");
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Get;
        http.Request.Scheme = "http";
        http.Request.Path = get.Path.StartsWith('/') ? get.Path : "/" + get.Path;
        http.Request.Protocol = "HTTP/1.1";
        http.Request.Headers.UserAgent = "kube-lifecycle/1.32";
        http.Response.Body = Stream.Null;
        var accessLog = await image.ServeAsync(context, http);
        if (accessLog is not null) c.AppendLog(accessLog + "\n");
        var status = http.Response.StatusCode;
        return status is >= 200 and < 400 ? HookResult.Success : new HookResult(false, $"HTTP lifecycle hook ({get.Path}) for Container \"{c.Name}\" failed - error: {status}");
    }
}

/// <summary>How a handler ended (the message says why it failed).</summary>
public sealed record HookResult(bool Ok, string? Message)
{
    public static readonly HookResult Success = new(true, null);
}
