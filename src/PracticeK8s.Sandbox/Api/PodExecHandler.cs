using PracticeK8s.Sandbox.Api.Streaming;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// <c>pods/{name}/exec</c> and <c>pods/{name}/attach</c> over WebSocket: checks before the upgrade
/// answer as plain Status errors; after it the command's stdio travels as channel frames, the end
/// as a Status on channel 3 (exit code), then the server closes the socket.
/// </summary>
public sealed class PodExecHandler(SandboxState state)
{
    public async Task Handle(ApiRequest r, bool attach)
    {
        var target = PodContainers.Resolve(state, r);
        var command = r.Query["command"].Where(c => c is not null).Select(c => c!).ToList();
        bool stdin = r.QueryBool("stdin"), stdout = r.QueryBool("stdout"), stderr = r.QueryBool("stderr"), tty = r.QueryBool("tty");
        if (!attach && command.Count == 0)
            throw ApiException.BadRequest("you must specify at least one command for the container");
        if (!stdin && !stdout && !stderr)
            throw ApiException.BadRequest("you must specify at least 1 of stdin, stdout, stderr");
        if (target.Phase is "Succeeded" or "Failed")
            throw ApiException.BadRequest($"cannot {(attach ? "attach to" : "exec into")} a container in a completed pod; current phase is {target.Phase}");
        if (tty) stderr = false;
        var runtime = state.Runtime;
        if (runtime?.GetPod(target.Uid)?.Container(target.Container) is not { Phase: ContainerPhase.Running })
            throw ApiException.BadRequest($"container not found (\"{target.Container}\")");

        var http = r.Http;
        if (!http.WebSockets.IsWebSocketRequest)
            throw ApiException.BadRequest("Upgrade request required"); // SPDY is not served: kubectl uses WebSocket first
        var protocol = ChannelProtocol.Negotiate(http.WebSockets.WebSocketRequestedProtocols.ToList())
                       ?? throw ApiException.BadRequest($"unable to upgrade: unsupported protocols; supported: {string.Join(", ", ChannelProtocol.Names)}");
        var socket = await http.WebSockets.AcceptWebSocketAsync(protocol.Name);
        await using var connection = new ChannelConnection(socket, protocol);
        connection.StartReceiving();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(connection.ClientGone, state.Stopping);
        var request = new ExecRequest(command, stdin ? connection.Stdin : null, stdout ? connection.Stdout : null,
            stderr ? connection.Stderr : null, tty, tty ? connection.Resizes : null);
        int? exit = null;
        string? error = null;
        try
        {
            exit = attach
                ? await runtime.AttachAsync(target.Uid, target.Container, request, cancel.Token)
                : await runtime.ExecAsync(target.Uid, target.Container, request, cancel.Token);
        }
        catch (ContainerRuntimeException e)
        {
            error = attach ? e.Message : $"Internal error occurred: error executing command in container: {e.Message}";
        }
        catch (OperationCanceledException) { return; }
        if (attach && exit < 0) return; // detached
        // The kubelet reports no exit code for attach: Success when the container ended, kubectl then says "Session ended".
        if (attach) exit = null;
        try { await connection.SendStatusAsync(exit, error, command); }
        catch (System.Net.WebSockets.WebSocketException) { }
    }
}
