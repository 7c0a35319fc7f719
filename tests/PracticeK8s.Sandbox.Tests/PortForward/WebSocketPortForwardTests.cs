using System.Net.WebSockets;
using System.Text;
using k8s;
using k8s.Autorest;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.PortForward;

/// <summary>pods/portforward over the WebSocket channel protocol, with KubernetesClient as the referee client.</summary>
[Collection(SandboxCollection.Name)]
public sealed class WebSocketPortForwardTests(SandboxFixture f)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private async Task<string> GetThroughForward(string ns, string pod, string? subprotocol = null)
    {
        using var ws = await f.Admin.WebSocketNamespacedPodPortForwardAsync(pod, ns, new[] { 8080 },
            subprotocol ?? WebSocketProtocol.V4BinaryWebsocketProtocol).WaitAsync(Timeout);
        using var demux = new StreamDemuxer(ws, StreamType.PortForward);
        demux.Start();
        using var stream = demux.GetStream((byte?)0, (byte?)0);
        return await HelloPods.Get(stream, Timeout);
    }

    [Fact]
    public async Task KubernetesClient_FetchesHelloWorld_ThroughTheForward()
    {
        var ns = f.NewNamespace("pfws");
        var pod = await HelloPods.Start(f.Admin, ns);
        var response = await HelloPods.Until(() => GetThroughForward(ns, pod), r => r.Contains("Hello, world!"), Timeout);
        Assert.StartsWith("HTTP/1.1 200", response);
        Assert.Contains("Hello, world!", response);
    }

    [Fact]
    public async Task ChannelsStartWithThePort_AndARefusedPortGetsAnErrorThenClose()
    {
        var ns = f.NewNamespace("pfws");
        var pod = await HelloPods.Start(f.Admin, ns);
        using var ws = await f.Admin.WebSocketNamespacedPodPortForwardAsync(pod, ns, new[] { 8080, 9 }, WebSocketProtocol.V4BinaryWebsocketProtocol);
        var messages = new List<byte[]>();
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(Timeout);
        // closes only after the 8080 connection ends: ask it to close
        var data = new byte[] { 0 }.Concat(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")).ToArray();
        await ws.SendAsync(data, WebSocketMessageType.Binary, true, cts.Token);
        while (true)
        {
            var r = await ws.ReceiveAsync(buffer, cts.Token);
            if (r.MessageType == WebSocketMessageType.Close) break;
            Assert.True(r.EndOfMessage);
            messages.Add(buffer[..r.Count]);
        }
        byte[] First(int channel) => messages.First(m => m[0] == channel);
        Assert.Equal(new byte[] { 0, 0x90, 0x1f }, First(0));
        Assert.Equal(new byte[] { 1, 0x90, 0x1f }, First(1));
        Assert.Equal(new byte[] { 2, 9, 0 }, First(2));
        Assert.Equal(new byte[] { 3, 9, 0 }, First(3));
        var error = string.Concat(messages.Where(m => m[0] == 3).Skip(1).Select(m => Encoding.UTF8.GetString(m, 1, m.Length - 1)));
        Assert.Contains("error forwarding port 9 to pod", error);
        var body = string.Concat(messages.Where(m => m[0] == 0).Skip(1).Select(m => Encoding.UTF8.GetString(m, 1, m.Length - 1)));
        Assert.Contains("Hello, world!", body);
        Assert.DoesNotContain(messages, m => m[0] == 1 && m.Length > 3);
    }

    [Fact]
    public async Task Base64Variant_FetchesHelloWorld()
    {
        var ns = f.NewNamespace("pfws");
        var pod = await HelloPods.Start(f.Admin, ns);
        using var ws = await f.Admin.WebSocketNamespacedPodPortForwardAsync(pod, ns, new[] { 8080 }, "v4.base64.channel.k8s.io");
        Assert.Equal("v4.base64.channel.k8s.io", ws.SubProtocol);
        var request = "0" + Convert.ToBase64String(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"));
        using var cts = new CancellationTokenSource(Timeout);
        await ws.SendAsync(Encoding.ASCII.GetBytes(request), WebSocketMessageType.Text, true, cts.Token);
        var data = new MemoryStream();
        var buffer = new byte[65536];
        var first = true;
        while (true)
        {
            var r = await ws.ReceiveAsync(buffer, cts.Token);
            if (r.MessageType == WebSocketMessageType.Close) break;
            Assert.Equal(WebSocketMessageType.Text, r.MessageType);
            var text = Encoding.ASCII.GetString(buffer, 0, r.Count);
            if (text[0] != '0') continue;
            var bytes = Convert.FromBase64String(text[1..]);
            if (first) { Assert.Equal(new byte[] { 0x90, 0x1f }, bytes); first = false; continue; }
            data.Write(bytes);
        }
        Assert.Contains("Hello, world!", Encoding.UTF8.GetString(data.ToArray()));
    }

    [Fact]
    public async Task ErrorsBeforeTheUpgrade_AreStatusErrors()
    {
        var ns = f.NewNamespace("pfws");
        var missing = await Assert.ThrowsAnyAsync<Exception>(() => f.Admin.WebSocketNamespacedPodPortForwardAsync("nosuch", ns, new[] { 8080 }, WebSocketProtocol.V4BinaryWebsocketProtocol));
        Assert.Contains("404", missing.ToString());
        using var http = f.Server.Http(f.Server.AdminToken);
        var plain = await http.GetAsync($"/api/v1/namespaces/{ns}/pods/nosuch/portforward?ports=8080");
        Assert.Equal(404, (int)plain.StatusCode);
        Assert.Contains("pods \\\"nosuch\\\" not found", await plain.Content.ReadAsStringAsync());
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new k8s.Models.V1Pod
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "pending" },
            Spec = new k8s.Models.V1PodSpec { SchedulerName = Pods.NoScheduler, Containers = new List<k8s.Models.V1Container> { Pods.Container("c", HelloPods.Image) } },
        }, ns);
        var pending = await http.GetAsync($"/api/v1/namespaces/{ns}/pods/pending/portforward?ports=8080");
        Assert.Equal(400, (int)pending.StatusCode);
        Assert.Contains("pod pending does not have a host assigned", await pending.Content.ReadAsStringAsync());
        await Pods.CreateBound(f.Admin, ns, "done", "Never", Pods.Container("c", "busybox", "true"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await f.Admin.CoreV1.ReadNamespacedPodAsync("done", ns)).Status?.Phase != "Succeeded" && DateTime.UtcNow < deadline) await Task.Delay(100);
        var completed = await http.GetAsync($"/api/v1/namespaces/{ns}/pods/done/portforward?ports=8080");
        Assert.Equal(400, (int)completed.StatusCode);
        Assert.Contains("pod is not running. Current status=Succeeded", await completed.Content.ReadAsStringAsync());
        var readOnly = await Assert.ThrowsAnyAsync<Exception>(() => f.ReadOnly.WebSocketNamespacedPodPortForwardAsync("nosuch", ns, new[] { 8080 }, WebSocketProtocol.V4BinaryWebsocketProtocol));
        Assert.Contains("403", readOnly.ToString());
    }

    [Fact]
    public async Task DeletingThePod_ClosesTheSocket()
    {
        var ns = f.NewNamespace("pfws");
        var pod = await HelloPods.Start(f.Admin, ns);
        using var ws = await f.Admin.WebSocketNamespacedPodPortForwardAsync(pod, ns, new[] { 8080 }, WebSocketProtocol.V4BinaryWebsocketProtocol);
        var buffer = new byte[1024];
        using var cts = new CancellationTokenSource(Timeout);
        await ws.ReceiveAsync(buffer, cts.Token); // the port prefix: the session is up
        await f.Admin.CoreV1.DeleteNamespacedPodAsync(pod, ns, new k8s.Models.V1DeleteOptions { GracePeriodSeconds = 0 });
        var started = DateTime.UtcNow;
        // Ended either way: a close frame, or (a busy server gives up on the handshake after 2 s) a reset.
        try
        {
            while ((await ws.ReceiveAsync(buffer, cts.Token)).MessageType != WebSocketMessageType.Close) { }
        }
        catch (WebSocketException) { }
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }
}
