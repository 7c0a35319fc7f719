namespace PracticeK8s.Sandbox.Hosting;

/// <summary>
/// The command line: <c>--data-dir DIR [--port N] [--token T] [--readonly-token T] [--recover]</c>, the
/// cluster's timings <c>[--nodes N] [--pod-start-delay D] [--node-monitor-grace-period D]
/// [--load-balancer-delay D]</c> (durations such as <c>500ms</c>, <c>2s</c>, <c>1m</c>), and <c>--help</c>.
/// </summary>
public sealed record SandboxOptions(string DataDir, int Port, string? Token, string? ReadOnlyToken)
{
    public const string Usage =
        "usage: PracticeK8s.Sandbox --data-dir DIR [--port 0] [--token T] [--readonly-token T] [--recover] [--nodes 3] " +
        "[--pod-start-delay 500ms] [--node-monitor-grace-period 40s] [--load-balancer-delay 1s] [--cluster-dns 127.0.0.1:0] [--isolation auto|namespaces|none] | --help";

    public const string HelpText = Usage + """


          --data-dir DIR     where keys, tokens and objects are kept. Created 0700 when missing; refused
                             when it belongs to another user or is writable by group or others.
          --port N           HTTPS port on 127.0.0.1 (0: any free port; sandbox.json says which).
          --token T, --readonly-token T
                             the admin and read-only bearer tokens (default: kept in DIR/tokens.json).
          --recover          start even though DIR/objects.wal or DIR/objects.snapshot has a corrupt record:
                             the original is kept as FILE.corrupt-<time>, FILE is replaced by a copy
                             truncated at the last good record, the objects written after it are lost,
                             and new resourceVersions start above any the lost records can have used.
                             Without it such a start stops with an error naming the file and byte offset.
                             (A torn last record, a write a crash cut short, is always dropped with a note.)
          --nodes N, --pod-start-delay D, --node-monitor-grace-period D, --load-balancer-delay D
                             the simulated cluster's size and timings (durations: 500ms, 2s, 1m).
          --cluster-dns ADDRESS:PORT
                             also answer the cluster DNS (kube-dns) on this address, UDP and TCP (port 0:
                             any free port; sandbox.json says which as clusterDns). For tests and dig.
          --isolation auto|namespaces|none
                             how containers run: in user, mount, PID, UTS and IPC namespaces of their
                             own with a private root (namespaces), or as plain processes of this user
                             (none). auto (the default): namespaces where this user may create them.
        """;

    public ClusterSettings Cluster { get; init; } = new();
    /// <summary>Continue from the good records before a corrupt one in the stored objects.</summary>
    public bool Recover { get; init; }
    /// <summary><c>auto</c>, <c>namespaces</c> or <c>none</c> (see <see cref="Runtime.Isolation.IsolationProbe"/>).</summary>
    public string Isolation { get; init; } = DefaultIsolation;
    public const string DefaultIsolation = "auto";
    /// <summary>Print <see cref="HelpText"/> and exit.</summary>
    public bool Help { get; init; }

    public static SandboxOptions Parse(IReadOnlyList<string> args)
    {
        string? dataDir = null, token = null, readOnly = null;
        int port = 0;
        bool recover = false;
        var isolation = DefaultIsolation;
        var cluster = new ClusterSettings();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--data-dir": dataDir = Value(); break;
                case "--port":
                    if (!int.TryParse(Value(), out port) || port < 0 || port > 65535)
                        throw new ArgumentException($"--port must be 0..65535. {Usage}");
                    break;
                case "--help" or "-h": return new SandboxOptions("", 0, null, null) { Help = true };
                case "--recover": recover = true; break;
                case "--token": token = Value(); break;
                case "--isolation":
                    isolation = Value();
                    if (isolation is not ("auto" or "namespaces" or "none")) throw new ArgumentException($"--isolation must be auto, namespaces or none. {Usage}");
                    break;
                case "--readonly-token": readOnly = Value(); break;
                case "--nodes":
                    if (!int.TryParse(Value(), out var nodes) || nodes < 0 || nodes > Networking.NodeAddresses.MaxNodes)
                        throw new ArgumentException($"--nodes must be 0..{Networking.NodeAddresses.MaxNodes}. {Usage}");
                    cluster = cluster with { NodeCount = nodes };
                    break;
                case "--pod-start-delay": cluster = cluster with { PodStartDelay = Duration(args[i], Value()) }; break;
                case "--node-monitor-grace-period": cluster = cluster with { NodeMonitorGracePeriod = Duration(args[i], Value()) }; break;
                case "--load-balancer-delay": cluster = cluster with { LoadBalancerDelay = Duration(args[i], Value()) }; break;
                case "--cluster-dns":
                    if (!System.Net.IPEndPoint.TryParse(Value(), out var dns) || dns.Port < 0)
                        throw new ArgumentException($"--cluster-dns needs ADDRESS:PORT, e.g. 127.0.0.1:0. {Usage}");
                    cluster = cluster with { ClusterDnsListen = dns };
                    break;
                default: throw new ArgumentException($"unknown argument {args[i]}. {Usage}");
            }
        }
        if (string.IsNullOrWhiteSpace(dataDir)) throw new ArgumentException($"--data-dir is required. {Usage}");
        return new SandboxOptions(Path.GetFullPath(dataDir), port, token, readOnly) { Cluster = cluster, Recover = recover, Isolation = isolation };
    }

    /// <summary>A duration: <c>250ms</c>, <c>2s</c>, <c>1m</c>, or plain seconds.</summary>
    public static TimeSpan Duration(string flag, string text)
    {
        var t = text.Trim();
        double n;
        var ok = t.EndsWith("ms", StringComparison.Ordinal) ? double.TryParse(t[..^2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out n) && (n /= 1000) >= 0
            : t.EndsWith('s') ? double.TryParse(t[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out n)
            : t.EndsWith('m') ? double.TryParse(t[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out n) && (n *= 60) >= 0
            : double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out n);
        if (!ok || n < 0) throw new ArgumentException($"{flag} needs a duration such as 500ms, 2s or 1m. {Usage}");
        return TimeSpan.FromSeconds(n);
    }
}
