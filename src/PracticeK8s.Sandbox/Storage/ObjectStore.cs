using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PracticeK8s.Sandbox.Storage;

/// <summary>
/// Every object of every kind, under one global resourceVersion counter. Writes are serialized:
/// a writer's decision function runs under the store lock against the current state, the result is
/// logged (fsync) and only then becomes visible and is fanned out to watchers. A bounded history of
/// recent changes serves watch resumes and consistent (snapshot) list pages; it is bounded by count
/// and by the bytes its events keep alive, so a few large objects rewritten often cannot hold memory.
/// </summary>
public sealed class ObjectStore : IDisposable
{
    public const int DefaultHistoryCapacity = 10_000;
    public const long DefaultHistoryBytes = 64L * 1024 * 1024;

    private readonly object _lock = new();
    private readonly Dictionary<string, SortedDictionary<(string Ns, string Name), StoredObject>> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<StoreEvent> _history = new();
    private readonly int _historyCapacity;
    private readonly long _historyByteBudget;
    private long _historyBytes;
    private readonly List<WatchSubscription> _subscribers = new();
    private readonly WriteAheadLog? _wal;
    private long _rv;
    /// <summary>States at any RV ≥ this can be rebuilt from history (older ones are compacted: 410).</summary>
    private long _oldestServableRv;

    public ObjectStore(WriteAheadLog? wal, int historyCapacity = DefaultHistoryCapacity, long historyBytes = DefaultHistoryBytes)
    {
        _wal = wal;
        _historyCapacity = historyCapacity;
        _historyByteBudget = historyBytes;
        if (wal is not null)
        {
            _rv = wal.Load(
                (key, ns, name, rv, json) => Bucket(key)[(ns, name)] = new StoredObject(key, ns, name, rv, json),
                (key, ns, name) => Bucket(key).Remove((ns, name)));
            wal.Compact(AllObjects(), _rv);
        }
        _oldestServableRv = _rv;
    }

    public long CurrentResourceVersion { get { lock (_lock) return _rv; } }

    private SortedDictionary<(string, string), StoredObject> Bucket(string key)
    {
        if (!_byKey.TryGetValue(key, out var b))
            _byKey[key] = b = new SortedDictionary<(string, string), StoredObject>(KeyComparer.Instance);
        return b;
    }

    private IEnumerable<StoredObject> AllObjects() => _byKey.Values.SelectMany(b => b.Values);

    public StoredObject? Get(string key, string ns, string name)
    {
        lock (_lock)
            return _byKey.TryGetValue(key, out var b) && b.TryGetValue((ns, name), out var o) ? o : null;
    }

    /// <summary>Objects of a kind (in one namespace, or all when <paramref name="ns"/> is null), ordered by namespace then name.</summary>
    public (List<StoredObject> Items, long ResourceVersion) List(string key, string? ns, long? atResourceVersion = null)
    {
        lock (_lock)
        {
            var items = new List<StoredObject>();
            if (_byKey.TryGetValue(key, out var b))
                foreach (var o in b.Values)
                    if (ns is null || o.Namespace == ns) items.Add(o);
            if (atResourceVersion is not { } at || at >= _rv) return (items, _rv);
            if (at < _oldestServableRv) throw new ResourceVersionTooOldException(at, _oldestServableRv);
            return (RollBack(items, key, ns, at), at);
        }
    }

    /// <summary>Undoes, newest first, every change after <paramref name="at"/> to rebuild that snapshot.</summary>
    private List<StoredObject> RollBack(List<StoredObject> current, string key, string? ns, long at)
    {
        var map = current.ToDictionary(o => (o.Namespace, o.Name));
        foreach (var e in _history.Reverse())
        {
            if (e.ResourceVersion <= at) break;
            if (e.Key != key || (ns is not null && e.Object.Namespace != ns)) continue;
            var id = (e.Object.Namespace, e.Object.Name);
            if (e.Previous is null) map.Remove(id);
            else map[id] = e.Previous;
        }
        return map.Values.OrderBy(o => (o.Namespace, o.Name), KeyComparer.Instance).ToList();
    }

    /// <summary>All stored kinds' objects (for lifecycle loops that scan, e.g. the garbage collector).</summary>
    public List<StoredObject> Snapshot(Func<StoredObject, bool> filter)
    {
        lock (_lock) return AllObjects().Where(filter).ToList();
    }

    /// <summary>
    /// Runs <paramref name="decide"/> against the current object (null when absent) under the store lock
    /// and commits its decision with a new resourceVersion. Exceptions from <paramref name="decide"/>
    /// abort the write. With <paramref name="dryRun"/> nothing is stored or counted.
    /// </summary>
    public WriteResult Write(string key, string ns, string name, Func<StoredObject?, Mutation> decide, bool dryRun = false)
    {
        lock (_lock)
        {
            var bucket = Bucket(key);
            bucket.TryGetValue((ns, name), out var current);
            var decision = decide(current);
            switch (decision)
            {
                case Mutation.Put put:
                {
                    var rv = dryRun ? (current?.ResourceVersion ?? 0) : _rv + 1;
                    var meta = put.Object["metadata"] as JsonObject ?? throw new InvalidOperationException("object without metadata");
                    if (dryRun && current is null) meta.Remove("resourceVersion");
                    else meta["resourceVersion"] = rv.ToString();
                    var stored = StoredObject.FromNode(key, ns, name, rv, put.Object);
                    if (dryRun) return new WriteResult(stored, false, true);
                    _wal?.AppendPut(stored);
                    _rv = rv;
                    bucket[(ns, name)] = stored;
                    Publish(new StoreEvent(current is null ? StoreEventType.Added : StoreEventType.Modified, stored, current));
                    return new WriteResult(stored, false, true);
                }
                case Mutation.Remove when current is not null:
                {
                    if (dryRun) return new WriteResult(current, true, true);
                    var rv = _rv + 1;
                    var last = current.ToNode();
                    ((JsonObject)last["metadata"]!)["resourceVersion"] = rv.ToString();
                    var gone = StoredObject.FromNode(key, ns, name, rv, last);
                    _wal?.AppendDelete(gone);
                    _rv = rv;
                    bucket.Remove((ns, name));
                    Publish(new StoreEvent(StoreEventType.Deleted, gone, current));
                    return new WriteResult(gone, true, true);
                }
                default:
                    return new WriteResult(current, false, false);
            }
        }
    }

    /// <summary>Called under the store lock after each commit (keep it quick; it may read the store).</summary>
    public event Action<StoreEvent>? Committed;

    private void Publish(StoreEvent e)
    {
        _history.Enqueue(e);
        _historyBytes += RetainedBytes(e);
        while (_history.Count > _historyCapacity || (_historyBytes > _historyByteBudget && _history.Count > 1))
        {
            var dropped = _history.Dequeue();
            _historyBytes -= RetainedBytes(dropped);
            _oldestServableRv = dropped.ResourceVersion;
        }
        foreach (var s in _subscribers)
            if (s.Wants(e)) s.Offer(e);
        if (_wal is { WantsCompaction: true }) _wal.Compact(AllObjects(), _rv);
        Committed?.Invoke(e);
    }

    /// <summary>An event holds its object and the one before it (counted twice when both are kept elsewhere too: an upper bound).</summary>
    private static long RetainedBytes(StoreEvent e) => e.Object.RetainedBytes + (e.Previous?.RetainedBytes ?? 0);

    /// <summary>
    /// Starts a watch on one kind (optionally one namespace). From <paramref name="afterResourceVersion"/>:
    /// replays the kept changes after it first; null means "from now". Too old → <see cref="ResourceVersionTooOldException"/>.
    /// </summary>
    public WatchSubscription Subscribe(string key, string? ns, long? afterResourceVersion)
    {
        lock (_lock)
        {
            var sub = new WatchSubscription(this, key, ns, _rv);
            if (afterResourceVersion is { } after && after < _rv)
            {
                if (after < _oldestServableRv) throw new ResourceVersionTooOldException(after, _oldestServableRv);
                foreach (var e in _history)
                    if (e.ResourceVersion > after && sub.Wants(e)) sub.Offer(e);
            }
            _subscribers.Add(sub);
            return sub;
        }
    }

    internal void Unsubscribe(WatchSubscription s)
    {
        lock (_lock) _subscribers.Remove(s);
        s.End();
    }

    /// <summary>Ends every watch (shutdown) and compacts the log into a snapshot.</summary>
    public void Close()
    {
        lock (_lock)
        {
            foreach (var s in _subscribers) s.End();
            _subscribers.Clear();
            _wal?.Compact(AllObjects(), _rv);
        }
    }

    public void Dispose() => _wal?.Dispose();

    private sealed class KeyComparer : IComparer<(string Ns, string Name)>
    {
        public static readonly KeyComparer Instance = new();
        public int Compare((string Ns, string Name) x, (string Ns, string Name) y)
        {
            var c = string.CompareOrdinal(x.Ns, y.Ns);
            return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}

/// <summary>
/// A live watch: changes of one kind (and namespace) in resourceVersion order. A watcher that falls
/// too far behind (its client stopped reading) is ended rather than buffered for without bound, as
/// the API server's watch cache ends unresponsive watchers; its client resumes or lists again.
/// </summary>
public sealed class WatchSubscription : IDisposable
{
    public const int MaxPendingEvents = 10_000;
    public const long MaxPendingBytes = 64L * 1024 * 1024;

    private readonly ObjectStore _store;
    private readonly Channel<StoreEvent> _channel = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });
    private int _pendingEvents;
    private long _pendingBytes;

    internal WatchSubscription(ObjectStore store, string key, string? ns, long startRv)
    {
        _store = store;
        Key = key;
        Namespace = ns;
        StartResourceVersion = startRv;
    }

    public string Key { get; }
    public string? Namespace { get; }
    /// <summary>The store's resourceVersion when the watch began.</summary>
    public long StartResourceVersion { get; }
    /// <summary>True once the watcher was ended for falling behind.</summary>
    public bool FellBehind { get; private set; }

    internal bool Wants(StoreEvent e) => e.Key == Key && (Namespace is null || e.Object.Namespace == Namespace);

    /// <summary>Queues an event (called under the store lock), or ends the watch when too much is already queued.</summary>
    internal void Offer(StoreEvent e)
    {
        if (FellBehind) return;
        var bytes = e.Object.Json.Length;
        if (Volatile.Read(ref _pendingEvents) >= MaxPendingEvents || Interlocked.Read(ref _pendingBytes) + bytes > MaxPendingBytes)
        {
            FellBehind = true;
            _channel.Writer.TryComplete();
            return;
        }
        Interlocked.Increment(ref _pendingEvents);
        Interlocked.Add(ref _pendingBytes, bytes);
        _channel.Writer.TryWrite(e);
    }

    internal void End() => _channel.Writer.TryComplete();

    /// <summary>False once the watch has ended (shutdown, or the watcher fell behind) and every queued event was read.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken ct) => _channel.Reader.WaitToReadAsync(ct);

    public bool TryRead(out StoreEvent e)
    {
        if (!_channel.Reader.TryRead(out e!)) return false;
        Interlocked.Decrement(ref _pendingEvents);
        Interlocked.Add(ref _pendingBytes, -e.Object.Json.Length);
        return true;
    }

    public void Dispose() => _store.Unsubscribe(this);
}

public sealed class ResourceVersionTooOldException(long requested, long oldest) : Exception($"too old resource version: {requested} ({oldest})")
{
    public long Requested { get; } = requested;
    public long Oldest { get; } = oldest;
}
