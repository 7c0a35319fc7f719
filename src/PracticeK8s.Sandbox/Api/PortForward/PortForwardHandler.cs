using Microsoft.Extensions.DependencyInjection;
using PracticeK8s.Sandbox.Networking;

namespace PracticeK8s.Sandbox.Api.PortForward;

/// <summary>
/// <c>pods/{name}/portforward</c>: checks before the upgrade answer as Status errors; then the
/// WebSocket channel protocol (client libraries) carries the requested ports.
/// </summary>
public sealed class PortForwardHandler(SandboxState state)
{
    public async Task Handle(ApiRequest r)
    {
        var http = r.Http;
        using var pod = PortForwardPod.Resolve(state, r);
        if (!http.WebSockets.IsWebSocketRequest)
            throw ApiException.BadRequest("Upgrade request required");
        var offered = http.WebSockets.WebSocketRequestedProtocols.ToList();
        var protocol = ChannelPortForwardProtocol.Negotiate(offered)
                       ?? throw ApiException.BadRequest($"unable to upgrade: unsupported protocols; supported: {string.Join(", ", ChannelPortForwardProtocol.Names)}");
        var ports = Ports(r);
        var dialer = new PodPortDialer(http.RequestServices.GetRequiredService<IPodConnector>(), pod);
        var socket = await http.WebSockets.AcceptWebSocketAsync(protocol.Name);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(pod.Gone, state.Stopping);
        await new ChannelPortForwardSession(socket, protocol, ports, dialer).RunAsync(stop.Token);
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
