using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Runtime.Lifecycle;

namespace PracticeK8s.Sandbox.Runtime;

/// <summary>What the runtime needs of a pod: identity, restart policy and its containers.</summary>
public sealed record PodSpecification(
    string Uid,
    string Namespace,
    string Name,
    string NodeName,
    string RestartPolicy,
    IReadOnlyList<ContainerSpecification> InitContainers,
    IReadOnlyList<ContainerSpecification> Containers)
{
    /// <summary><c>spec.hostname</c> and <c>spec.subdomain</c> (null when not set).</summary>
    public string? Hostname { get; init; }
    public string? Subdomain { get; init; }
    /// <summary><c>spec.dnsPolicy</c> (null: ClusterFirst) and <c>spec.dnsConfig</c>, for its resolv.conf.</summary>
    public string? DnsPolicy { get; init; }
    public Isolation.PodDnsConfig? DnsConfig { get; init; }
    /// <summary>The IP the kubelet gave the pod (for its /etc/hosts).</summary>
    public string? PodIP { get; init; }
    /// <summary><c>spec.hostNetwork</c>: the pod uses its node's network.</summary>
    public bool HostNetwork { get; init; }
    /// <summary>Each container's volume mounts (by container name), resolved by the kubelet.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Volumes.ContainerMount>>? Mounts { get; init; }
    /// <summary><c>spec.terminationGracePeriodSeconds</c> (30 when not set): how long a container the kubelet stops on its own gets.</summary>
    public long TerminationGracePeriodSeconds { get; init; } = 30;

    /// <summary>Reads a stored Pod object (its metadata and spec).</summary>
    public static PodSpecification FromPod(JsonObject pod)
    {
        var meta = pod.Obj("metadata");
        var spec = pod.Obj("spec");
        var name = meta.Str("name") ?? "";
        var ns = meta.Str("namespace") ?? "";
        return new PodSpecification(
            meta.Str("uid") ?? "",
            ns,
            name,
            spec.Str("nodeName") ?? "",
            spec.Str("restartPolicy") ?? "Always",
            spec.Arr("initContainers").Objects().Select(c => ContainerSpecification.FromJson(c, name, ns)).ToList(),
            spec.Arr("containers").Objects().Select(c => ContainerSpecification.FromJson(c, name, ns)).ToList())
        {
            Hostname = spec.Str("hostname"),
            Subdomain = spec.Str("subdomain"),
            DnsPolicy = spec.Str("dnsPolicy"),
            DnsConfig = spec.Obj("dnsConfig") is { } dns
                ? new Isolation.PodDnsConfig(
                    Strings(dns.Arr("nameservers")),
                    Strings(dns.Arr("searches")),
                    dns.Arr("options").Objects().Select(o => o.Str("value") is { } v ? $"{o.Str("name")}:{v}" : o.Str("name") ?? "").Where(o => o != "").ToList())
                : null,
            HostNetwork = spec?["hostNetwork"]?.GetValueKind() == System.Text.Json.JsonValueKind.True,
            TerminationGracePeriodSeconds = spec.Long("terminationGracePeriodSeconds") ?? 30,
        };
    }

    private static List<string> Strings(JsonArray? values) =>
        (values ?? new JsonArray()).OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var s) ? s : "").Where(s => s != "").ToList();

    public ContainerSpecification? Container(string name) =>
        Containers.FirstOrDefault(c => c.Name == name) ?? InitContainers.FirstOrDefault(c => c.Name == name);
}

/// <summary>One container of a pod spec, as the runtime runs it.</summary>
public sealed record ContainerSpecification(
    string Name,
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Env,
    string? WorkingDir,
    IReadOnlyList<int> Ports,
    bool Stdin = false,
    bool StdinOnce = false,
    bool Tty = false)
{
    /// <summary><c>lifecycle</c>: postStart and preStop handlers (null when none).</summary>
    public LifecycleHooks? Lifecycle { get; init; }

    /// <summary>
    /// Reads a container of a pod spec. Env values given inline are kept; <c>valueFrom</c> references to
    /// <c>metadata.name</c>/<c>metadata.namespace</c> are resolved, other references are left out. The kubelet
    /// replaces env, command and args with the full resolution (Kubelet/ContainerEnv/PodEnvironments).
    /// </summary>
    public static ContainerSpecification FromJson(JsonObject c, string podName = "", string podNamespace = "")
    {
        static List<string> Strings(JsonArray? a) => a?.Select(v => v?.GetValue<string>() ?? "").ToList() ?? new List<string>();
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in c.Arr("env").Objects())
        {
            var key = e.Str("name");
            if (string.IsNullOrEmpty(key)) continue;
            if (e.Str("value") is { } v) env[key] = v;
            else if (e.Obj("valueFrom")?.Obj("fieldRef").Str("fieldPath") is { } path)
            {
                if (path == "metadata.name") env[key] = podName;
                else if (path == "metadata.namespace") env[key] = podNamespace;
            }
            else if (!e.Has("valueFrom")) env[key] = "";
        }
        return new ContainerSpecification(
            c.Str("name") ?? "",
            c.Str("image") ?? "",
            Strings(c.Arr("command")),
            Strings(c.Arr("args")),
            env,
            c.Str("workingDir"),
            c.Arr("ports").Objects().Select(p => (int)(p.Long("containerPort") ?? 0)).Where(p => p > 0).ToList(),
            c.Bool("stdin") ?? false,
            c.Bool("stdinOnce") ?? false,
            c.Bool("tty") ?? false) { Lifecycle = LifecycleHooks.FromJson(c.Obj("lifecycle")) };
    }
}
