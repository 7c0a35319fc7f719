using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

/// <summary>exec and attach with KubernetesClient: v4 (exit codes as Status), the unnamed channel protocol, attach to stdin.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ExecProtocolTests(SandboxFixture f)
{
    private async Task<string> Sleeper(string ns)
    {
        await Pods.CreateBound(f.Admin, ns, "sleeper", "Always", Pods.Container("c", "alpine", "sh", "-c", "echo up; sleep 3600"));
        await Pods.WaitForLog(f.Admin, ns, "sleeper", null, l => l == "up\n");
        return "sleeper";
    }

    [Fact]
    public async Task NamespacedPodExecAsync_OverV4_ReturnsOutputAndExitCode()
    {
        var ns = f.NewNamespace("v4exec");
        var pod = await Sleeper(ns);
        string stdout = "", stderr = "";
        var exit = await f.Admin.NamespacedPodExecAsync(pod, ns, "c", new[] { "sh", "-c", "echo out; echo err >&2; exit 7" }, false,
            async (_, output, error) =>
            {
                var o = new StreamReader(output).ReadToEndAsync();
                var e = new StreamReader(error).ReadToEndAsync();
                stdout = await o;
                stderr = await e;
            }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(7, exit);
        Assert.Equal("out\n", stdout);
        Assert.Equal("err\n", stderr);

        var ok = await f.Admin.NamespacedPodExecAsync(pod, ns, "c", new[] { "true" }, false,
            (_, o, e) => Task.WhenAll(o.CopyToAsync(Stream.Null), e.CopyToAsync(Stream.Null)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, ok);
    }

    private static async Task<Dictionary<int, string>> ReadAll(WebSocket ws)
    {
        var channels = new Dictionary<int, string>();
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var message = new MemoryStream();
        while (true)
        {
            var r = await ws.ReceiveAsync(buffer, cts.Token);
            if (r.MessageType == WebSocketMessageType.Close) break;
            message.Write(buffer, 0, r.Count);
            if (!r.EndOfMessage) continue;
            var frame = message.ToArray();
            message.SetLength(0);
            if (frame.Length == 0) continue;
            channels[frame[0]] = channels.GetValueOrDefault(frame[0], "") + Encoding.UTF8.GetString(frame, 1, frame.Length - 1);
        }
        return channels;
    }

    [Fact]
    public async Task Exec_V4Status_CarriesTheExitCode_AndTheServerCloses()
    {
        var ns = f.NewNamespace("v4raw");
        var pod = await Sleeper(ns);
        using var ws = await f.Admin.WebSocketNamespacedPodExecAsync(pod, ns, new[] { "sh", "-c", "printf partial; exit 4" }, "c",
            stderr: true, stdin: false, stdout: true, tty: false, webSocketSubProtocol: WebSocketProtocol.V4BinaryWebsocketProtocol);
        Assert.Equal("v4.channel.k8s.io", ws.SubProtocol);
        var channels = await ReadAll(ws);
        Assert.Equal("partial", channels[1]);
        var status = JsonDocument.Parse(channels[3]).RootElement;
        Assert.Equal("Failure", status.GetProperty("status").GetString());
        Assert.Equal("NonZeroExitCode", status.GetProperty("reason").GetString());
        Assert.Equal("4", status.GetProperty("details").GetProperty("causes")[0].GetProperty("message").GetString());
        Assert.Equal("ExitCode", status.GetProperty("details").GetProperty("causes")[0].GetProperty("reason").GetString());
        Assert.Equal(WebSocketState.CloseReceived, ws.State); // the server closed the socket
    }

    [Fact]
    public async Task Exec_WithoutASubprotocol_UsesThePlainChannelProtocol()
    {
        var ns = f.NewNamespace("plainexec");
        var pod = await Sleeper(ns);
        using var ws = await f.Admin.WebSocketNamespacedPodExecAsync(pod, ns, new[] { "sh", "-c", "echo plain; exit 2" }, "c",
            stderr: true, stdin: false, stdout: true, tty: false, webSocketSubProtocol: null);
        Assert.True(string.IsNullOrEmpty(ws.SubProtocol));
        var channels = await ReadAll(ws);
        Assert.Equal("plain\n", channels[1]);
        Assert.Equal("command terminated with non-zero exit code: error executing command [sh -c echo plain; exit 2], exit code 2", channels[3]);
    }

    [Fact]
    public async Task Exec_V5_StdinClose_EndsTheCommandsInput()
    {
        var ns = f.NewNamespace("v5exec");
        var pod = await Sleeper(ns);
        using var ws = await f.Admin.WebSocketNamespacedPodExecAsync(pod, ns, new[] { "wc", "-c" }, "c",
            stderr: true, stdin: true, stdout: true, tty: false, webSocketSubProtocol: WebSocketProtocol.V5BinaryWebsocketProtocol);
        Assert.Equal("v5.channel.k8s.io", ws.SubProtocol);
        await ws.SendAsync(new byte[] { 0 }.Concat("12345"u8.ToArray()).ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
        await ws.SendAsync(new byte[] { 255, 0 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        var channels = await ReadAll(ws);
        Assert.Equal("5", channels[1].Trim());
        Assert.Equal("Success", JsonDocument.Parse(channels[3]).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Exec_Errors_BeforeTheUpgrade()
    {
        var ns = f.NewNamespace("execerr");
        var missing = await Assert.ThrowsAnyAsync<Exception>(() =>
            f.Admin.WebSocketNamespacedPodExecAsync("nope", ns, new[] { "true" }, "c", webSocketSubProtocol: WebSocketProtocol.V4BinaryWebsocketProtocol));
        Assert.Contains("404", missing.ToString());
        using var http = f.Server.Http(f.Server.AdminToken);
        var pod = await Sleeper(ns);
        var (code, body, _) = await Raw.Send(http, HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods/{pod}/exec?command=true&container=c");
        Assert.Equal(400, (int)code);
        Assert.Equal("you must specify at least 1 of stdin, stdout, stderr", body.Message());
    }

    [Fact]
    public async Task Attach_WritesToTheContainersStdin_AndReadsItsOutput()
    {
        var ns = f.NewNamespace("attach");
        await f.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "reader" },
            Spec = new V1PodSpec
            {
                NodeName = await Pods.RunningNode(f.Admin),
                Containers = new List<V1Container> { new() { Name = "c", Image = "busybox", Command = new[] { "sh", "-c", "echo ready; while read l; do echo got $l; done" }, Stdin = true } },
            },
        }, ns);
        await Pods.WaitForLog(f.Admin, ns, "reader", null, l => l == "ready\n");
        using var ws = await f.Admin.WebSocketNamespacedPodAttachAsync("reader", ns, "c", stderr: true, stdin: true, stdout: true, tty: false,
            webSocketSubProtocol: WebSocketProtocol.V4BinaryWebsocketProtocol);
        await ws.SendAsync(new byte[] { 0 }.Concat("ping\n"u8.ToArray()).ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
        var buffer = new byte[4096];
        var seen = "";
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!seen.Contains("got ping"))
        {
            var r = await ws.ReceiveAsync(buffer, cts.Token);
            if (r.Count > 1 && buffer[0] == 1) seen += Encoding.UTF8.GetString(buffer, 1, r.Count - 1);
        }
        Assert.Equal("got ping\n", seen);
        await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        Assert.Contains("got ping", await Pods.WaitForLog(f.Admin, ns, "reader", null, l => l.Contains("got ping")));
    }
}
