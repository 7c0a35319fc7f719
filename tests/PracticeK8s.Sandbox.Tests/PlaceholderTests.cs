namespace PracticeK8s.Sandbox.Tests;

public sealed class ProjectLayoutTests
{
    [Fact]
    public void SandboxAssembly_IsAnExecutable()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "PracticeK8s.Sandbox.dll");
        Assert.True(File.Exists(path), path);
    }
}
