using System.Net.Sockets;
using System.Text;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.PortForward;

/// <summary>hello-app pods (answering <c>Hello, world!</c> on 8080) to forward to, and a plain HTTP GET over any stream.</summary>
public static class HelloPods
{
    public const string Image = "gcr.io/google-samples/hello-app:1.0";

    /// <summary>Creates a hello-app pod and waits until it runs with an IP.</summary>
    public static async Task<string> Start(k8s.Kubernetes client, string ns, string name = "hello")
    {
        await Pods.CreateBound(client, ns, name, "Always", new V1Container
        {
            Name = "hello", Image = Image, Ports = new List<V1ContainerPort> { new() { ContainerPort = 8080 } },
        });
        await WaitRunning(client, ns, name);
        return name;
    }

    public static async Task WaitRunning(k8s.Kubernetes client, string ns, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var pod = await client.CoreV1.ReadNamespacedPodAsync(name, ns);
            if (pod.Status?.Phase == "Running" && !string.IsNullOrEmpty(pod.Status.PodIP)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"pod {ns}/{name} never ran");
    }

    /// <summary>GET / with Connection: close over <paramref name="stream"/>; the whole response.</summary>
    public static async Task<string> Get(Stream stream, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: hello\r\nConnection: close\r\n\r\n"), cts.Token);
        await stream.FlushAsync(cts.Token);
        var response = new MemoryStream();
        await stream.CopyToAsync(response, cts.Token);
        return Encoding.UTF8.GetString(response.ToArray());
    }

    /// <summary>GET / to a local port (a forward's listener), retried while the forward is still starting.</summary>
    public static async Task<string> GetLocal(int port, TimeSpan timeout)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port).WaitAsync(timeout);
        return await Get(tcp.GetStream(), timeout);
    }

    /// <summary>Repeats <paramref name="attempt"/> until its result satisfies <paramref name="done"/> (the pod's server may still be starting).</summary>
    public static async Task<T> Until<T>(Func<Task<T>> attempt, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            T result;
            try { result = await attempt(); }
            catch (Exception) when (DateTime.UtcNow < deadline) { await Task.Delay(200); continue; }
            if (done(result) || DateTime.UtcNow >= deadline) return result;
            await Task.Delay(200);
        }
    }
}
