using System.Management.Automation;
using System.Text;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;

namespace PracticeK8s.Engine.Copy;

/// <summary>Progress of a copy: bytes moved and, when known, the total.</summary>
public sealed record CopyProgress(long Bytes, long? Total);

/// <summary>
/// kubectl cp through tar over exec. Into a pod: "test -d DEST" decides whether DEST is a directory
/// to copy into; a local tar stream is piped into "tar -xmf - -C DIR" (stdin EOF needs v5). Out of a
/// pod: "tar cf - SRC" is read and unpacked by <see cref="SafeExtractor"/>.
/// </summary>
public sealed class PodCopy
{
    private readonly PodExec _exec;

    public PodCopy(PodExec exec) => _exec = exec;

    public Action<CopyProgress>? OnProgress { get; init; }
    public Action<string>? OnWarning { get; init; }
    public Action<UnsafeEntryException>? OnRefused { get; init; }

    /// <summary>Copies a local file or directory to <paramref name="remotePath"/> in the container.</summary>
    public async Task ToPodAsync(string localPath, ExecTarget target, string remotePath, bool noPreserve, CancellationToken cancel)
    {
        if (!File.Exists(localPath) && !Directory.Exists(localPath))
            throw new KubeException($"{localPath} doesn't exist in local filesystem", "KubeCopySourceNotFound", ErrorCategory.ObjectNotFound, localPath);
        var dest = remotePath.Length > 1 ? remotePath.TrimEnd('/') : remotePath;
        if (await IsRemoteDirectoryAsync(target, dest, cancel).ConfigureAwait(false))
            dest = RemotePaths.Join(dest, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(localPath))));
        long total = TarPacker.TotalBytes(localPath);
        var packer = new TarPacker(localPath, RemotePaths.Base(dest)) { OnProgress = bytes => OnProgress?.Invoke(new CopyProgress(bytes, total)) };

        var command = new List<string> { "tar" };
        if (noPreserve)
            command.AddRange(["--no-same-permissions", "--no-same-owner"]);
        command.AddRange(["-xmf", "-"]);
        var dir = RemotePaths.Dir(dest);
        if (dir.Length > 0)
            command.AddRange(["-C", dir]);

        var pipe = new BytePipe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var packing = Task.Run(async () =>
        {
            try
            {
                await packer.WriteAsync(pipe.Writer, stop.Token).ConfigureAwait(false);
                pipe.Complete();
            }
            catch (Exception e)
            {
                pipe.Complete(e);
                throw;
            }
        }, CancellationToken.None);
        var stderr = new StringBuilder();
        string? protocol = null;
        ExecOutcome outcome;
        try
        {
            outcome = await _exec.RunAsync(target, command, new ExecStreams
            {
                Stdin = pipe.Reader,
                Stderr = Collect(stderr),
                Stdout = (_, _) => ValueTask.CompletedTask,
                Connected = p =>
                {
                    protocol = p;
                    if (!ChannelProtocol.SupportsClose(p))
                        stop.Cancel();
                },
            }, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested && protocol is not null && !ChannelProtocol.SupportsClose(protocol))
        {
            throw new KubeException($"cannot copy into the pod: the server speaks {protocol}, which cannot signal the end of stdin ({ChannelProtocol.V5} is needed)",
                "KubeCopyUnsupportedProtocol", ErrorCategory.NotImplemented, target.Pod);
        }
        finally
        {
            stop.Cancel();
            try { await packing.ConfigureAwait(false); } catch (OperationCanceledException) { }
        }
        if (outcome.ExitCode != 0)
            throw Failed(target, command, outcome.ExitCode, stderr.ToString());
    }

    /// <summary>Copies <paramref name="remotePath"/> from the container to <paramref name="localPath"/> (into it when it is an existing directory).</summary>
    public async Task<ExtractionSummary> FromPodAsync(ExecTarget target, string remotePath, string localPath, bool noPreserve, CancellationToken cancel)
    {
        string? folder = null;
        if (Directory.Exists(localPath))
        {
            folder = localPath;
            localPath = Path.Combine(localPath, RemotePaths.Base(remotePath));
        }
        var extractor = new SafeExtractor(remotePath, localPath, folder)
        {
            PreserveModes = !noPreserve,
            OnRefused = OnRefused,
            OnWarning = OnWarning,
            OnProgress = bytes => OnProgress?.Invoke(new CopyProgress(bytes, null)),
        };
        var pipe = new BytePipe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var extracting = Task.Run(() => extractor.ExtractAsync(pipe.Reader, stop.Token), CancellationToken.None);
        var stderr = new StringBuilder();
        var command = new[] { "tar", "cf", "-", remotePath };
        ExecOutcome outcome;
        try
        {
            outcome = await _exec.RunAsync(target, command, new ExecStreams
            {
                Stdout = (data, token) => pipe.WriteAsync(data, token),
                Stderr = Collect(stderr),
            }, stop.Token).ConfigureAwait(false);
            pipe.Complete();
        }
        catch (Exception e)
        {
            pipe.Complete(e);
            stop.Cancel();
            try { await extracting.ConfigureAwait(false); } catch { /* the exec failure is the one to report */ }
            throw;
        }
        ExtractionSummary summary;
        try
        {
            summary = await extracting.ConfigureAwait(false);
        }
        catch (Exception) when (outcome.ExitCode != 0)
        {
            throw Failed(target, command, outcome.ExitCode, stderr.ToString());
        }
        if (outcome.ExitCode != 0)
            throw Failed(target, command, outcome.ExitCode, stderr.ToString());
        return summary;
    }

    /// <summary>A stream callback that appends the command's stderr to <paramref name="text"/> (for the failure message).</summary>
    private static Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> Collect(StringBuilder text) => (data, _) =>
    {
        lock (text)
            text.Append(Encoding.UTF8.GetString(data.Span));
        return ValueTask.CompletedTask;
    };

    private async Task<bool> IsRemoteDirectoryAsync(ExecTarget target, string path, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            var outcome = await _exec.RunAsync(target, ["test", "-d", path], new ExecStreams(), limit.Token).ConfigureAwait(false);
            return outcome.ExitCode == 0;
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return false;
        }
        catch (KubeException e) when (e.ErrorId == "KubeExecFailed")
        {
            return false;
        }
    }

    private static KubeException Failed(ExecTarget target, IReadOnlyList<string> command, int exitCode, string stderr)
    {
        var detail = string.Join("\n", stderr.Split('\n').Where(l => l.Length > 0 && !l.Contains("Removing leading", StringComparison.Ordinal)));
        return new KubeException($"{string.Join(" ", command)} in pod {target.Pod} exited with code {exitCode}{(detail.Length > 0 ? ": " + detail : "")}",
            "KubeCopyFailed", ErrorCategory.InvalidResult, target.Pod);
    }
}
