using PracticeK8s.Sandbox.Tests.Infrastructure;
using PracticeK8s.Sandbox.Tests.ViaKubectl;

namespace PracticeK8s.Sandbox.Tests.Isolation;

/// <summary>With --isolation namespaces, the kubelet's environment reaches the container's PID 1 and what exec runs in it.</summary>
public sealed class IsolatedEnvironmentTests(IsolatedSandbox s) : IClassFixture<IsolatedSandbox>
{
    [Fact]
    public void Environment_ReachesPid1_AndExec()
    {
        var ns = IsolatedSandbox.Namespace;
        s.Kubectl.Run(new[] { "-n", ns, "apply", "-f", "-" }, ContainerEnvironmentTests.Objects("cfg", "creds"), null);
        var applied = s.Kubectl.Run(new[] { "-n", ns, "apply", "-f", "-" }, ContainerEnvironmentTests.EnvPod("env-pod", "cfg", "creds"), null);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        s.Kubectl.Ok("-n", ns, "wait", "--for=condition=Ready", "pod/env-pod", "--timeout=60s");
        var clusterIP = s.Kubectl.Ok("-n", ns, "get", "svc", "hello", "-o", "jsonpath={.spec.clusterIP}");

        var pid1 = s.ExecOk("env-pod", "sh", "-c", "tr '\\0' '\\n' < /proc/1/environ").Split('\n');
        var viaExec = s.ExecOk("env-pod", "env").Split('\n');
        foreach (var expected in new[] { "COLOR=blue", "PASSWORD=s3cret", "CFG_size=L", "POD_NAME=env-pod", "MEMORY_MI=64", $"HELLO_SERVICE_HOST={clusterIP}", $"GREETING=blue at {clusterIP}:8080" })
        {
            Assert.Contains(expected, pid1);
            Assert.Contains(expected, viaExec);
        }
        Assert.EndsWith("sh\0-c\0echo started with blue in env-pod, not '$(COLOR)'; sleep 3600\0", s.ExecOk("env-pod", "cat", "/proc/1/cmdline"));
        Assert.Equal("started with blue in env-pod, not $(COLOR)\n", s.Kubectl.Ok("-n", ns, "logs", "env-pod"));
    }
}
