using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.PortForward;

/// <summary>A sandbox that stops ends its port-forward sessions: kubectl reports the lost connection and exits.</summary>
public sealed class ServerStopPortForwardTests
{
    [Fact]
    public async Task StoppingTheServer_EndsKubectlsForward()
    {
        var root = Path.Combine(Path.GetTempPath(), "pk8s-pfstop-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var server = SandboxProcess.Start(Path.Combine(root, "data"));
            using var admin = server.AdminClient();
            await HelloPods.Start(admin, "default");
            using var forward = KubectlForward.Start(KubectlForward.Kubectl133, server.KubeconfigPath, "default", null, "pod/hello", "0:8080");
            var response = await HelloPods.Until(() => HelloPods.GetLocal(forward.LocalPort, TimeSpan.FromSeconds(10)),
                r => r.Contains("Hello, world!"), TimeSpan.FromSeconds(15));
            Assert.Contains("Hello, world!", response);
            server.Stop();
            var exit = forward.WaitForExit(TimeSpan.FromSeconds(15));
            Assert.True(exit is not null, $"kubectl kept running after the server stopped:\n{forward.Stderr}");
            Assert.Contains("lost connection to pod", forward.Stderr);
        }
        finally
        {
            try { Directory.Delete(root, true); } catch (IOException) { }
        }
    }
}
