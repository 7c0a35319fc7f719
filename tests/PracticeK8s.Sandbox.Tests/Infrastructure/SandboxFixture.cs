using k8s;
using k8s.Models;

namespace PracticeK8s.Sandbox.Tests.Infrastructure;

/// <summary>One sandbox process shared by every test of the "Sandbox" collection; tests use their own namespaces.</summary>
public sealed class SandboxFixture : IDisposable
{
    /// <summary>A schedulerName nobody serves: such pods stay unscheduled (Pending) unless bound by hand.</summary>
    public const string NoScheduler = "example.com/no-scheduler";

    public SandboxProcess Server { get; }
    public Kubernetes Admin { get; }
    public Kubernetes ReadOnly { get; }
    public Kubectl Kubectl { get; }
    private readonly string _root;
    private int _namespaceCounter;

    public SandboxFixture()
    {
        _root = Path.Combine(Path.GetTempPath(), "pk8s-sbx-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Server = SandboxProcess.Start(Path.Combine(_root, "data"));
        Admin = Server.AdminClient();
        ReadOnly = Server.ReadOnlyClient();
        Kubectl = new Kubectl(Server.KubeconfigPath, Path.Combine(_root, "kube-cache"));
    }

    /// <summary>The ConfigMap with the cluster CA that every namespace gets (root CA publisher).</summary>
    public const string RootCaConfigMap = "kube-root-ca.crt";

    /// <summary>Creates a fresh namespace for one test, ready as on a real cluster (its default ServiceAccount and CA ConfigMap exist).</summary>
    public string NewNamespace(string prefix)
    {
        var name = $"{prefix}-{Interlocked.Increment(ref _namespaceCounter)}-{Guid.NewGuid().ToString("N")[..5]}";
        Admin.CoreV1.CreateNamespace(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        WaitForNamespaceDefaults(Admin, name);
        return name;
    }

    public static void WaitForNamespaceDefaults(Kubernetes client, string ns)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (client.CoreV1.ListNamespacedConfigMap(ns, fieldSelector: $"metadata.name={RootCaConfigMap}").Items.Count == 1
                && client.CoreV1.ListNamespacedServiceAccount(ns, fieldSelector: "metadata.name=default").Items.Count == 1) return;
            Thread.Sleep(25);
        }
        throw new TimeoutException($"namespace {ns} never got its default ServiceAccount and {RootCaConfigMap}");
    }

    public string TempFile(string name, string content)
    {
        var dir = Path.Combine(_root, "files", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Admin.Dispose();
        ReadOnly.Dispose();
        Server.Dispose();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "Sandbox";
}
