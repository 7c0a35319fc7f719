using PracticeK8s.Engine.Copy;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Copy;

public sealed class PodPathTests
{
    [Theory]
    [InlineData("web-0:/tmp/x", null, "web-0", "/tmp/x")]
    [InlineData("shop/db-0:/var/log", "shop", "db-0", "/var/log")]
    [InlineData("web-0:relative/file", null, "web-0", "relative/file")]
    [InlineData("web-0:/a:b", null, "web-0", "/a:b")]
    public void RemoteSpecs_SplitAtTheFirstColon(string spec, string? ns, string pod, string path) =>
        Assert.Equal(new PodPath(ns, pod, path), PodPath.TryParse(spec));

    [Theory]
    [InlineData("./local")]
    [InlineData("/abs/local")]
    [InlineData("C:\\Users\\me\\file.txt")]
    [InlineData("C:/Users/me")]
    [InlineData("d:")]
    public void LocalPaths_AreNotRemote(string spec) => Assert.Null(PodPath.TryParse(spec));

    [Theory]
    [InlineData("a/b/c:/x", "filespec must match the canonical format: [[namespace/]pod:]file/path")]
    [InlineData("web-0:", "filepath can not be empty")]
    public void BadSpecs_FailWithKubectlsWords(string spec, string message) =>
        Assert.Equal(message, Assert.Throws<KubeException>(() => PodPath.TryParse(spec)).Message);

    [Theory]
    [InlineData("/tmp/x", "tmp/x")]
    [InlineData("/tmp/x/", "tmp/x")]
    [InlineData("../../etc", "etc")]
    [InlineData("/", "")]
    [InlineData("a/./b/../c", "a/c")]
    public void Prefix_IsKubectls(string source, string prefix) => Assert.Equal(prefix, RemotePaths.Prefix(source));
}
