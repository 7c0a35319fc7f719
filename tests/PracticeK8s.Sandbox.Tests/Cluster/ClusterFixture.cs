using System.Net;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>
/// A fresh sandbox for the cluster-behaviour tests (the "Cluster" collection), with short timings:
/// pods start in 300 ms, a silent node is NotReady after 4 s, load balancers take 300 ms.
/// Tests run one after another; each uses its own namespace and leaves the nodes as it found them.
/// </summary>
public sealed class ClusterFixture : IDisposable
{
    public static readonly string[] NodeNames = { "sandbox-node-1", "sandbox-node-2", "sandbox-node-3" };

    public SandboxProcess Server { get; }
    public Kubernetes Admin { get; }
    public Kubectl Kubectl { get; }
    private readonly string _root;
    private int _counter;

    public ClusterFixture()
    {
        _root = Path.Combine(Path.GetTempPath(), "pk8s-cluster-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Server = SandboxProcess.Start(Path.Combine(_root, "data"), null,
            "--pod-start-delay", "300ms", "--node-monitor-grace-period", "4s", "--load-balancer-delay", "300ms");
        Admin = Server.AdminClient();
        Kubectl = new Kubectl(Server.KubeconfigPath, Path.Combine(_root, "kube-cache"));
    }

    public string NewNamespace(string prefix)
    {
        var name = $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..5]}";
        Admin.CoreV1.CreateNamespace(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        SandboxFixture.WaitForNamespaceDefaults(Admin, name);
        return name;
    }

    public string TempFile(string name, string content)
    {
        var dir = Path.Combine(_root, "files", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary><c>kubectl apply -f</c> of a manifest; returns kubectl's lines.</summary>
    public string Apply(string ns, string yaml) => Kubectl.Ok("-n", ns, "apply", "-f", TempFile("manifest.yaml", yaml)).Trim();

    /// <summary>
    /// Polls until <paramref name="condition"/> holds (the cluster converging) or fails the test. An
    /// object the condition reads that a controller has not created yet (404) counts as "not yet".
    /// </summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail($"never happened within {seconds}s: {what}");
    }

    public async Task<List<V1Pod>> Pods(string ns, string? labelSelector = null) =>
        (await Admin.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector)).Items.ToList();

    /// <summary>Waits for exactly <paramref name="count"/> pods (none terminating), all Running and Ready.</summary>
    public async Task<List<V1Pod>> RunningPods(string ns, string labelSelector, int count, double seconds = 20)
    {
        List<V1Pod> pods = new();
        await Eventually(async () =>
        {
            pods = await Pods(ns, labelSelector);
            return pods.Count == count && pods.All(p => p.Metadata.DeletionTimestamp is null && p.Status?.Phase == "Running"
                && p.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
        }, $"{count} running pods {labelSelector} in {ns}", seconds);
        return pods;
    }

    public async Task<List<Corev1Event>> Events(string ns, string involvedName) =>
        (await Admin.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: $"involvedObject.name={involvedName}")).Items
            .OrderBy(e => e.FirstTimestamp).ThenBy(e => e.Metadata.Name, StringComparer.Ordinal).ToList();

    /// <summary>One HTTP GET as curl would (a fresh connection each time).</summary>
    public static async Task<(HttpStatusCode? Code, string Body)> Curl(string url)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(url);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e) { return (null, e.Message); }
    }

    public void Dispose()
    {
        Admin.Dispose();
        Server.Dispose();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
