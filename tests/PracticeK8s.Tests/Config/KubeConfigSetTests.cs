using PracticeK8s.Engine.Config;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Config;

public sealed class KubeConfigSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pk8s-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Config(string current, params (string ctx, string cluster, string user, string? ns, string server)[] contexts) =>
        "apiVersion: v1\nkind: Config\nclusters:\n" +
        string.Concat(contexts.Select(c => $"- name: {c.cluster}\n  cluster:\n    server: {c.server}\n")) +
        "users:\n" + string.Concat(contexts.Select(c => $"- name: {c.user}\n  user:\n    token: t-{c.user}\n")) +
        "contexts:\n" + string.Concat(contexts.Select(c => $"- name: {c.ctx}\n  context:\n    cluster: {c.cluster}\n    user: {c.user}\n" + (c.ns is null ? "" : $"    namespace: {c.ns}\n"))) +
        $"current-context: \"{current}\"\n";

    [Fact]
    public void KubeconfigVariable_IsSplitDedupedAndMadeAbsolute()
    {
        var sep = Path.PathSeparator;
        var paths = KubeConfigPaths.Resolve($"/a/one{sep}{sep}/b/two{sep}/a/one");
        Assert.Equal(new[] { "/a/one", "/b/two" }, paths);
        Assert.Equal(new[] { KubeConfigPaths.DefaultPath }, KubeConfigPaths.Resolve(""));
    }

    [Fact]
    public void FirstFileWinsForNames_AndFirstNonEmptyCurrentContextWins()
    {
        var first = Write("first", Config("", ("shared", "c", "u1", "from-first", "https://first"), ("a", "ca", "ua", null, "https://a")));
        var second = Write("second", Config("b", ("shared", "c", "u2", "from-second", "https://second"), ("b", "cb", "ub", null, "https://b")));
        var set = KubeConfigSet.Load([first, second]);

        Assert.Equal("b", set.CurrentContext);
        Assert.Equal(second, set.CurrentContextFile);
        var shared = set.FindContext("shared")!;
        Assert.Equal("from-first", shared.Namespace);
        Assert.Equal("u1", shared.AuthInfo);
        Assert.Equal("https://first", shared.Server);
        Assert.Equal(new[] { "a", "b", "shared" }, set.Contexts().Select(c => c.Name));
        Assert.True(set.FindContext("b")!.IsCurrent);
    }

    [Fact]
    public void CurrentContextFile_IsFirstExistingFileWhenNoneSetsIt()
    {
        var first = Write("first", Config("", ("a", "c", "u", null, "https://x")));
        var set = KubeConfigSet.Load([Path.Combine(_dir, "missing"), first]);
        Assert.Equal(first, set.CurrentContextFile);
        Assert.Null(set.CurrentContext);
    }

    [Fact]
    public void NoFile_IsKubeConfigNotFound()
    {
        var error = Assert.Throws<KubeConfigException>(() => KubeConfigSet.Load([Path.Combine(_dir, "missing")]).RequireAny());
        Assert.Equal("KubeConfigNotFound", error.ErrorId);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void MalformedYaml_NamesFileLineAndColumn()
    {
        var bad = Write("bad", "apiVersion: v1\nclusters:\n- name: x\n  cluster: {server: \"https://x\"\ncontexts: []\n");
        var error = Assert.Throws<KubeConfigException>(() => KubeConfigSet.Load([bad]));
        Assert.Equal(bad, error.File);
        Assert.True(error.Line >= 4, $"line {error.Line}");
        Assert.NotNull(error.Column);
        Assert.Contains($"'{bad}'", error.Message);
    }

    [Fact]
    public void ContextReferringToMissingCluster_IsExplained()
    {
        var file = Write("dangling", "contexts:\n- name: d\n  context:\n    cluster: gone\n    user: u\ncurrent-context: d\n");
        var error = Assert.Throws<KubeConfigException>(() => KubeConfigSet.Load([file]).ExtractContext("d"));
        Assert.Contains("cluster \"gone\"", error.Message);
    }

    [Fact]
    public void ExtractContext_MakesFileReferencesAbsoluteAgainstTheirOwnFile()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_dir, "sub")).FullName;
        var file = Path.Combine(sub, "config");
        File.WriteAllText(file, "clusters:\n- name: c\n  cluster:\n    server: https://x\n    certificate-authority: ca.crt\n" +
            "users:\n- name: u\n  user:\n    client-certificate: certs/u.crt\n    client-key: /abs/u.key\n" +
            "contexts:\n- name: k\n  context: {cluster: c, user: u}\n");
        var (yaml, _, _, _) = KubeConfigSet.Load([file]).ExtractContext("k");
        Assert.Contains($"certificate-authority: {Path.Combine(sub, "ca.crt")}", yaml);
        Assert.Contains($"client-certificate: {Path.Combine(sub, "certs", "u.crt")}", yaml);
        Assert.Contains("client-key: /abs/u.key", yaml);
    }

    [Fact]
    public void Fingerprint_ChangesWhenAFileChanges()
    {
        var file = Write("f", Config("a", ("a", "c", "u", null, "https://x")));
        var before = KubeConfigSet.Fingerprint([file]);
        File.AppendAllText(file, "# more\n");
        Assert.NotEqual(before, KubeConfigSet.Fingerprint([file]));
    }
}
