using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api.Streaming;
using PracticeK8s.Sandbox.Api.Streaming.Spdy;
using PracticeK8s.Sandbox.Networking;

namespace PracticeK8s.Sandbox.Api.PortForward;

/// <summary>
/// <c>pods/{name}/portforward</c>: checks before the upgrade answer as Status errors; then one of
/// the three ways clients speak it: the WebSocket channel protocol (client libraries), SPDY/3.1
/// tunneled in a WebSocket (kubectl ≥1.31), or a plain SPDY/3.1 upgrade (older kubectl, and newer
/// with <c>KUBECTL_PORT_FORWARD_WEBSOCKETS=false</c>). The session ends when the pod is deleted or
/// stops running, or the server stops.
/// </summary>
public sealed class PortForwardHandler(SandboxState state)
{
    /// <summary>The stream protocol kubectl names in <c>X-Stream-Protocol-Version</c> and after the tunnel prefix.</summary>
    public const string SpdyProtocol = "portforward.k8s.io";
    public const string TunnelProtocol = "SPDY/3.1+" + SpdyProtocol;

    public async Task Handle(ApiRequest r)
    {
        var http = r.Http;
        using var pod = PortForwardPod.Resolve(state, r);
        var dialer = new PodPortDialer(http.RequestServices.GetRequiredService<IPodConnector>(), pod);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(pod.Gone, state.Stopping);
        if (http.WebSockets.IsWebSocketRequest)
        {
            var offered = http.WebSockets.WebSocketRequestedProtocols.Select(p => p.Trim()).ToList();
            var tunnel = offered.IndexOf(TunnelProtocol);
            var channel = ChannelPortForwardProtocol.Negotiate(offered);
            if (tunnel >= 0 && (channel?.Name is null || tunnel < offered.IndexOf(channel.Name)))
            {
                // The name holds '/', which the WebSocket API refuses as a subprotocol: answered by header instead.
                http.Response.Headers.SecWebSocketProtocol = TunnelProtocol;
                var tunnelSocket = await http.WebSockets.AcceptWebSocketAsync();
                var transport = new WebSocketByteStream(tunnelSocket);
                try { await RunSpdy(http, transport, dialer, stop.Token); }
                finally { await transport.CloseAsync(); }
                return;
            }
            if (channel is null)
                throw ApiException.BadRequest($"unable to upgrade: unsupported protocols; supported: {string.Join(", ", ChannelPortForwardProtocol.Names.Append(TunnelProtocol))}");
            var ports = Ports(r);
            var socket = await http.WebSockets.AcceptWebSocketAsync(channel.Name);
            await new ChannelPortForwardSession(socket, channel, ports, dialer).RunAsync(stop.Token);
            return;
        }
        var upgrade = http.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true } || !string.Equals(http.Request.Headers.Upgrade.ToString(), "SPDY/3.1", StringComparison.OrdinalIgnoreCase))
            throw ApiException.BadRequest("Upgrade request required");
        var versions = http.Request.Headers["X-Stream-Protocol-Version"].SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).ToList();
        if (!versions.Contains(SpdyProtocol))
            throw ApiException.Forbidden($"unable to upgrade: unable to negotiate protocol: client supports [{string.Join(" ", versions)}], server supports [{SpdyProtocol}]");
        http.Response.Headers.Connection = "Upgrade";
        http.Response.Headers.Upgrade = "SPDY/3.1";
        http.Response.Headers["X-Stream-Protocol-Version"] = SpdyProtocol;
        await using var upgraded = await upgrade.UpgradeAsync();
        await RunSpdy(http, upgraded, dialer, stop.Token);
    }

    private static async Task RunSpdy(HttpContext http, Stream transport, PodPortDialer dialer, CancellationToken stop)
    {
        var forward = new SpdyPortForwardSession(dialer);
        var session = new SpdySession(transport, SpdyLimits.Default, forward.OnStream);
        await session.RunAsync(stop);
        http.RequestServices.GetRequiredService<ILogger<PortForwardHandler>>()
            .LogDebug("port-forward session to pod {Pod} ended: {Reason}", dialer.Pod.Name, session.EndReason);
    }

    /// <summary>The <c>ports</c> query (repeated or comma-separated), checked as the kubelet checks it.</summary>
    private static List<int> Ports(ApiRequest r)
    {
        var values = r.Query["ports"].Where(v => v is not null).Select(v => v!).ToList();
        if (values.Count == 0) throw ApiException.BadRequest("query parameter \"port\" is required");
        var ports = new List<int>();
        foreach (var value in values)
        {
            if (value.Length == 0) throw ApiException.BadRequest("query parameter \"port\" cannot be empty");
            foreach (var p in value.Split(','))
            {
                if (!ushort.TryParse(p, out var port)) throw ApiException.BadRequest($"unable to parse \"{value}\" as a port");
                if (port < 1) throw ApiException.BadRequest($"port \"{value}\" must be > 0");
                ports.Add(port);
                if (ports.Count > MaxPorts) throw ApiException.BadRequest($"at most {MaxPorts} ports per request");
            }
        }
        return ports;
    }

    /// <summary>Channels are one byte: two per port.</summary>
    public const int MaxPorts = 127;
}
