using System.Management.Automation.Host;
using System.Text;
using System.Threading.Channels;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Exec;

namespace PracticeK8s.Cmdlets.Exec;

/// <summary>
/// Invoke-KubeExec -Interactive: the console becomes the remote terminal. Keys are read without echo
/// (Console.ReadKey with Ctrl+C delivered as a key, so it reaches the remote program) and sent as the
/// bytes a terminal would send (arrows as escape sequences, Backspace as DEL); remote output is
/// written raw to the console; the window size is sent at start and whenever it changes.
/// On Linux and macOS .NET puts the terminal in raw mode while keys are read; on Windows the console
/// host's virtual-terminal processing renders the remote escape sequences. Needs a real console:
/// redirected input or a non-console host (ISE-like hosts, jobs, remoting) is refused.
/// </summary>
internal sealed class InteractiveTerminal(System.Management.Automation.Host.PSHostUserInterface? ui)
{
    public Task<ExecOutcome> RunAsync(PodExec exec, ExecTarget target, IReadOnlyList<string> command, IReadOnlyList<string>? protocols,
        CancellationToken cancel) =>
        RunAsync((streams, token) => exec.RunAsync(target, command, streams, token), protocols, tty: true, detachKeys: false, cancel);

    /// <summary>
    /// Runs a session with this console as its terminal. <paramref name="tty"/> false (attach to a
    /// container without one): keys still go in, stdout and stderr come out as they are.
    /// <paramref name="detachKeys"/>: Ctrl+P then Ctrl+Q ends the session here (attach), leaving the program running.
    /// </summary>
    public async Task<ExecOutcome> RunAsync(Func<ExecStreams, CancellationToken, Task<ExecOutcome>> run, IReadOnlyList<string>? protocols,
        bool tty, bool detachKeys, CancellationToken cancel)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected || ui?.RawUI is null)
        {
            throw new KubeException("-Interactive needs a console (input and output not redirected); use -Tty and piped input instead",
                "KubeNoConsole", System.Management.Automation.ErrorCategory.InvalidOperation, null);
        }
        var keys = new BytePipe();
        var sizes = Channel.CreateUnbounded<(ushort, ushort)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var detached = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var output = Console.OpenStandardOutput();
        bool treatCtrlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        var reader = Task.Run(() => ReadKeys(keys, detachKeys ? detached : null, stop.Token), CancellationToken.None);
        var resizer = tty ? Task.Run(() => WatchSize(sizes.Writer, stop.Token), CancellationToken.None) : Task.CompletedTask;
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write = async (data, token) =>
        {
            await output.WriteAsync(data, token).ConfigureAwait(false);
            await output.FlushAsync(token).ConfigureAwait(false);
        };
        try
        {
            return await run(new ExecStreams
            {
                Stdin = keys.Reader,
                Tty = tty,
                Resize = tty ? sizes.Reader : null,
                Protocols = protocols,
                Stdout = write,
                Stderr = write,
            }, detached.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (detached.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            return new ExecOutcome(0, "", Detached: true);
        }
        finally
        {
            stop.Cancel();
            keys.Complete();
            try { await Task.WhenAll(reader, resizer).ConfigureAwait(false); } catch (OperationCanceledException) { }
            Console.TreatControlCAsInput = treatCtrlC;
        }
    }

    private static async Task ReadKeys(BytePipe keys, CancellationTokenSource? detach, CancellationToken stop)
    {
        var sequence = new DetachSequence();
        while (!stop.IsCancellationRequested)
        {
            if (!Console.KeyAvailable)
            {
                await Task.Delay(15, stop).ConfigureAwait(false);
                continue;
            }
            var bytes = KeyBytes(Console.ReadKey(intercept: true));
            if (detach is not null)
            {
                var (send, detached) = sequence.Push(bytes);
                if (detached)
                {
                    detach.Cancel();
                    return;
                }
                bytes = send;
            }
            if (bytes.Length > 0)
                await keys.WriteAsync(bytes, stop).ConfigureAwait(false);
        }
    }

    private static async Task WatchSize(ChannelWriter<(ushort, ushort)> sizes, CancellationToken stop)
    {
        (ushort, ushort) last = default;
        while (!stop.IsCancellationRequested)
        {
            var now = ((ushort)Math.Clamp(Console.WindowWidth, 1, ushort.MaxValue), (ushort)Math.Clamp(Console.WindowHeight, 1, ushort.MaxValue));
            if (now != last)
            {
                sizes.TryWrite(now);
                last = now;
            }
            await Task.Delay(250, stop).ConfigureAwait(false);
        }
    }

    /// <summary>The bytes a VT terminal sends for a key.</summary>
    internal static byte[] KeyBytes(ConsoleKeyInfo key)
    {
        string? sequence = key.Key switch
        {
            ConsoleKey.UpArrow => "\u001b[A",
            ConsoleKey.DownArrow => "\u001b[B",
            ConsoleKey.RightArrow => "\u001b[C",
            ConsoleKey.LeftArrow => "\u001b[D",
            ConsoleKey.Home => "\u001b[H",
            ConsoleKey.End => "\u001b[F",
            ConsoleKey.Insert => "\u001b[2~",
            ConsoleKey.Delete => "\u001b[3~",
            ConsoleKey.PageUp => "\u001b[5~",
            ConsoleKey.PageDown => "\u001b[6~",
            ConsoleKey.Backspace => "\u007f",
            ConsoleKey.Enter => "\r",
            _ => null,
        };
        if (sequence is not null)
            return Encoding.ASCII.GetBytes(sequence);
        if (key.KeyChar != '\0')
            return Encoding.UTF8.GetBytes(key.KeyChar.ToString());
        // Ctrl+letter without a character (some consoles): the control code.
        if ((key.Modifiers & ConsoleModifiers.Control) != 0 && key.Key is >= ConsoleKey.A and <= ConsoleKey.Z)
            return [(byte)(key.Key - ConsoleKey.A + 1)];
        return [];
    }
}
