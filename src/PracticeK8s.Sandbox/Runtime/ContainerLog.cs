using System.Runtime.CompilerServices;
using System.Text;
using PracticeK8s.Sandbox.Runtime.Processes;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>
/// The log of one container instance: output split into timestamped lines (each stream's partial
/// line is kept until its newline or the end), bounded to the newest <see cref="MaxLines"/> lines.
/// Followers wait on a signal that is replaced at every append.
/// </summary>
public sealed class ContainerLog : IContainerLog
{
    public const int MaxLines = 100_000;

    private readonly object _lock = new();
    private readonly List<LogLine> _lines = new();
    private readonly Dictionary<OutputStream, (Decoder Decoder, StringBuilder Partial)> _streams = new()
    {
        [OutputStream.Stdout] = (Encoding.UTF8.GetDecoder(), new StringBuilder()),
        [OutputStream.Stderr] = (Encoding.UTF8.GetDecoder(), new StringBuilder()),
    };
    private long _dropped;
    private bool _completed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<LogLine> Lines { get { lock (_lock) return _lines.ToList(); } }

    public bool Completed { get { lock (_lock) return _completed; } }

    public void Append(OutputStream stream, ReadOnlySpan<byte> bytes)
    {
        var (decoder, _) = _streams[stream];
        var chars = new char[decoder.GetCharCount(bytes, flush: false)];
        decoder.GetChars(bytes, chars, flush: false);
        Append(stream, new string(chars));
    }

    public void Append(OutputStream stream, string text)
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            if (_completed) return;
            var partial = _streams[stream].Partial;
            var now = DateTime.UtcNow;
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != '\n') continue;
                partial.Append(text, start, i - start + 1);
                Add(new LogLine(now, partial.ToString()));
                partial.Clear();
                start = i + 1;
            }
            partial.Append(text, start, text.Length - start);
            signal = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        signal.TrySetResult();
    }

    private void Add(LogLine line)
    {
        _lines.Add(line);
        if (_lines.Count > MaxLines)
        {
            var drop = _lines.Count - MaxLines;
            _lines.RemoveRange(0, drop);
            _dropped += drop;
        }
    }

    /// <summary>The instance stopped: unterminated output becomes a last line, followers end.</summary>
    public void Complete()
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            if (_completed) return;
            foreach (var (_, (_, partial)) in _streams)
                if (partial.Length > 0)
                {
                    Add(new LogLine(DateTime.UtcNow, partial.ToString()));
                    partial.Clear();
                }
            _completed = true;
            signal = _changed;
        }
        signal.TrySetResult();
    }

    public async IAsyncEnumerable<LogLine> FollowAsync(int fromIndex, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long next = fromIndex;
        lock (_lock) next += _dropped;
        while (!cancellationToken.IsCancellationRequested)
        {
            List<LogLine> batch;
            Task wait;
            bool done;
            lock (_lock)
            {
                var index = (int)Math.Max(0, next - _dropped);
                batch = index < _lines.Count ? _lines.GetRange(index, _lines.Count - index) : new List<LogLine>();
                next = _dropped + _lines.Count;
                done = _completed;
                wait = _changed.Task;
            }
            foreach (var line in batch) yield return line;
            if (done) yield break;
            try { await wait.WaitAsync(cancellationToken); }
            catch (OperationCanceledException) { yield break; }
        }
    }
}
