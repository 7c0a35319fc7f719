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
    public async Task<ExecOutcome> RunAsync(PodExec exec, ExecTarget target, IReadOnlyList<string> command, IReadOnlyList<string>? protocols,
        CancellationToken cancel)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected || ui?.RawUI is null)
        {
            throw new KubeException("-Interactive needs a console (input and output not redirected); use -Tty and piped input instead",
                "KubeNoConsole", System.Management.Automation.ErrorCategory.InvalidOperation, null);
        }
        var keys = new BytePipe();
        var sizes = Channel.CreateUnbounded<(ushort, ushort)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var output = Console.OpenStandardOutput();
        bool treatCtrlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        var reader = Task.Run(() => ReadKeys(keys, stop.Token), CancellationToken.None);
        var resizer = Task.Run(() => WatchSize(sizes.Writer, stop.Token), CancellationToken.None);
        try
        {
            return await exec.RunAsync(target, command, new ExecStreams
            {
                Stdin = keys.Reader,
                Tty = true,
                Resize = sizes.Reader,
                Protocols = protocols,
                Stdout = async (data, token) =>
                {
                    await output.WriteAsync(data, token).ConfigureAwait(false);
                    await output.FlushAsync(token).ConfigureAwait(false);
                },
            }, cancel).ConfigureAwait(false);
        }
        finally
        {
            stop.Cancel();
            keys.Complete();
            try { await Task.WhenAll(reader, resizer).ConfigureAwait(false); } catch (OperationCanceledException) { }
            Console.TreatControlCAsInput = treatCtrlC;
        }
    }

    private static async Task ReadKeys(BytePipe keys, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (!Console.KeyAvailable)
            {
                await Task.Delay(15, stop).ConfigureAwait(false);
                continue;
            }
            var bytes = KeyBytes(Console.ReadKey(intercept: true));
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
