using PracticeK8s.Engine.Config;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Sandbox;

namespace PracticeK8s.Tests.Sandbox;

/// <summary>An instance's entries going into a user's kubeconfig and coming out again (files in a temp home).</summary>
[Collection(SandboxHomeCollection.Name)]
public sealed class SandboxKubeconfigTests : IDisposable
{
    private const string UserConfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod-cluster
          cluster: {server: https://10.0.0.1:6443}
        users:
        - name: prod-admin
          user: {token: abc}
        contexts:
        - name: prod
          context: {cluster: prod-cluster, user: prod-admin}
        current-context: prod

        """;

    private const string ServerConfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: practicek8s-sandbox
          cluster:
            server: https://127.0.0.1:40001
            certificate-authority-data: Q0E=
        users:
        - name: practicek8s-admin
          user: {token: admin-token}
        - name: practicek8s-readonly
          user: {token: readonly-token}
        contexts:
        - name: practicek8s-sandbox
          context: {cluster: practicek8s-sandbox, user: practicek8s-admin, namespace: default}
        - name: practicek8s-sandbox-readonly
          context: {cluster: practicek8s-sandbox, user: practicek8s-readonly, namespace: default}
        current-context: practicek8s-sandbox
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("practicek8s-kubeconfig-").FullName;
    private readonly string? _savedHome = Environment.GetEnvironmentVariable("PRACTICEK8S_HOME");
    private readonly string _kubeconfig;
    private readonly SandboxState _state;

    public SandboxKubeconfigTests()
    {
        Environment.SetEnvironmentVariable("PRACTICEK8S_HOME", Path.Combine(_root, "home"));
        SandboxHome.EnsureInstanceDirectory("web");
        var server = Path.Combine(_root, "server-kubeconfig");
        File.WriteAllText(server, ServerConfig);
        _kubeconfig = Path.Combine(_root, "config");
        _state = new SandboxState { Name = "web", ServerKubeconfig = server };
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PRACTICEK8S_HOME", _savedHome);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Adds_the_entries_under_the_instance_name_and_makes_it_current()
    {
        File.WriteAllText(_kubeconfig, UserConfig);
        SandboxKubeconfig.Add(_state, _kubeconfig, makeCurrent: true, before: null);
        var document = KubeConfigDocument.Load(_kubeconfig);
        Assert.Equal("web", document.CurrentContext);
        Assert.Equal(["prod", "web", "web-readonly"], document.Entries(KubeConfigDocument.Contexts).Select(e => e.Name));
        Assert.Equal(["prod-admin", "web-admin", "web-readonly"], document.Entries(KubeConfigDocument.Users).Select(e => e.Name));
        Assert.Equal("https://127.0.0.1:40001", document.Find(KubeConfigDocument.Clusters, "web")!.Get("server"));
        Assert.Equal("web-readonly", document.Find(KubeConfigDocument.Contexts, "web-readonly")!.Get("user"));
        Assert.Equal("readonly-token", document.Find(KubeConfigDocument.Users, "web-readonly")!.Get("token"));
    }

    [Fact]
    public void An_unchanged_file_gets_its_old_bytes_and_mode_back()
    {
        File.WriteAllText(_kubeconfig, UserConfig);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(_kubeconfig, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var before = File.ReadAllBytes(_kubeconfig);
        var added = SandboxKubeconfig.Add(_state, _kubeconfig, makeCurrent: true, before: null);
        Assert.NotEqual(before, File.ReadAllBytes(_kubeconfig));
        var removed = SandboxKubeconfig.Remove(added);
        Assert.Equal(before, File.ReadAllBytes(_kubeconfig));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(_kubeconfig));
        Assert.Null(removed.Kubeconfig);
        Assert.False(File.Exists(Path.Combine(SandboxHome.InstanceDirectory("web"), SandboxKubeconfig.BackupFileName)));
    }

    [Fact]
    public void A_file_that_did_not_exist_is_removed_again()
    {
        var added = SandboxKubeconfig.Add(_state, _kubeconfig, makeCurrent: true, before: null);
        Assert.True(File.Exists(_kubeconfig));
        SandboxKubeconfig.Remove(added);
        Assert.False(File.Exists(_kubeconfig));
    }

    [Fact]
    public void A_file_changed_in_between_loses_only_the_instance_entries_and_gets_its_current_context_back()
    {
        File.WriteAllText(_kubeconfig, UserConfig);
        var added = SandboxKubeconfig.Add(_state, _kubeconfig, makeCurrent: true, before: null);
        var edited = KubeConfigDocument.Load(_kubeconfig);
        edited.Add(KubeConfigDocument.Contexts, new YamlDotNet.RepresentationModel.YamlMappingNode
        {
            { "name", "extra" },
            { "context", new YamlDotNet.RepresentationModel.YamlMappingNode { { "cluster", "prod-cluster" }, { "user", "prod-admin" } } },
        });
        edited.Save();
        SandboxKubeconfig.Remove(added);
        var document = KubeConfigDocument.Load(_kubeconfig);
        Assert.Equal("prod", document.CurrentContext);
        Assert.Equal(["prod", "extra"], document.Entries(KubeConfigDocument.Contexts).Select(e => e.Name));
        Assert.Equal(["prod-cluster"], document.Entries(KubeConfigDocument.Clusters).Select(e => e.Name));
    }

    [Fact]
    public void A_restart_after_a_crash_keeps_the_record_of_the_first_start()
    {
        File.WriteAllText(_kubeconfig, UserConfig);
        var before = File.ReadAllBytes(_kubeconfig);
        var first = SandboxKubeconfig.Add(_state, _kubeconfig, makeCurrent: true, before: null);
        var second = SandboxKubeconfig.Add(_state, _kubeconfig, makeCurrent: true, before: first);
        Assert.Equal("prod", second.PreviousContext);
        SandboxKubeconfig.Remove(second);
        Assert.Equal(before, File.ReadAllBytes(_kubeconfig));
    }

    [Fact]
    public void NoSwitch_leaves_the_current_context()
    {
        File.WriteAllText(_kubeconfig, UserConfig);
        SandboxKubeconfig.Add(_state, _kubeconfig, makeCurrent: false, before: null);
        Assert.Equal("prod", KubeConfigDocument.Load(_kubeconfig).CurrentContext);
    }

    [Fact]
    public void A_name_another_cluster_uses_is_refused()
    {
        File.WriteAllText(_kubeconfig, UserConfig);
        var refused = Assert.Throws<KubeException>(() => SandboxKubeconfig.RefuseClash(_kubeconfig, "prod"));
        Assert.Equal("KubeSandboxNameTaken", refused.ErrorId);
        Assert.Contains("already has a user named \"prod-admin\"", refused.Message);   // the first of prod's names already taken: its admin user
        SandboxKubeconfig.RefuseClash(_kubeconfig, "web");
    }

    [Theory]
    [InlineData("practicek8s", true)]
    [InlineData("web-2", true)]
    [InlineData("Web", false)]
    [InlineData("-web", false)]
    [InlineData("web_2", false)]
    [InlineData("web-readonly", false)]
    [InlineData("../x", false)]
    [InlineData("", false)]
    public void Names_are_dns_labels_that_no_read_only_context_takes(string name, bool valid) =>
        Assert.Equal(valid, SandboxHome.IsValidName(name));

    [Fact]
    public void A_home_others_can_write_to_is_refused()
    {
        if (OperatingSystem.IsWindows())
            return;
        var shared = Path.Combine(_root, "shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b111_111_111);
        var refused = Assert.Throws<KubeException>(() => SandboxHome.RefuseShared(shared));
        Assert.Contains("writable by other users", refused.Message);
    }
}

/// <summary>Tests that point PRACTICEK8S_HOME (process-wide) at a folder of their own run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxHomeCollection
{
    public const string Name = "PRACTICEK8S_HOME";
}
