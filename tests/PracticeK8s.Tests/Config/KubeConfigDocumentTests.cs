using PracticeK8s.Engine.Config;

namespace PracticeK8s.Tests.Config;

public sealed class KubeConfigDocumentTests
{
    private const string WithExtras = """
        apiVersion: v1
        kind: Config
        preferences: {}
        clusters:
        - name: c1
          cluster:
            server: https://one
            extensions:
            - name: client.authentication.k8s.io/exec
              extension: {audience: x}
        users:
        - name: eks
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: aws
              args: [eks, get-token, --cluster-name, demo]
        contexts:
        - name: a
          context: {cluster: c1, user: eks}
        - name: b
          context: {cluster: c1, user: eks, namespace: web}
        current-context: a
        """;

    [Fact]
    public void SettingCurrentContext_KeepsEveryOtherFieldAndOrder()
    {
        var doc = KubeConfigDocument.Parse("x", WithExtras);
        doc.CurrentContext = "b";
        var text = doc.ToYaml();
        var again = KubeConfigDocument.Parse("x", text);
        Assert.Equal("b", again.CurrentContext);
        Assert.Equal(new[] { "a", "b" }, again.Entries(KubeConfigDocument.Contexts).Select(e => e.Name));
        Assert.Contains("command: aws", text);
        Assert.Contains("get-token", text);
        Assert.Contains("audience: x", text);
        Assert.True(text.IndexOf("clusters:", StringComparison.Ordinal) < text.IndexOf("users:", StringComparison.Ordinal));
        Assert.DoesNotContain("...", text);
    }

    [Fact]
    public void SetContextNamespace_ChangesOnlyThatContext()
    {
        var doc = KubeConfigDocument.Parse("x", WithExtras);
        doc.SetContextNamespace("a", "team");
        var again = KubeConfigDocument.Parse("x", doc.ToYaml());
        Assert.Equal("team", again.Find(KubeConfigDocument.Contexts, "a")!.Get("namespace"));
        Assert.Equal("web", again.Find(KubeConfigDocument.Contexts, "b")!.Get("namespace"));
    }

    [Fact]
    public void EmptyFile_IsAnEmptyConfig()
    {
        var doc = KubeConfigDocument.Parse("x", "");
        Assert.Empty(doc.Entries(KubeConfigDocument.Contexts));
        Assert.Equal("", doc.CurrentContext);
    }

    [Fact]
    public void Save_KeepsTheFilesPermissions()
    {
        if (OperatingSystem.IsWindows())
            return;
        var dir = Directory.CreateTempSubdirectory("pk8s-save-").FullName;
        try
        {
            var path = Path.Combine(dir, "config");
            File.WriteAllText(path, WithExtras);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            var doc = KubeConfigDocument.Load(path);
            doc.CurrentContext = "b";
            doc.Save();
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));

            var fresh = Path.Combine(dir, "new", "config");
            KubeConfigDocument.CreateEmpty(fresh).Save();
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fresh));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
