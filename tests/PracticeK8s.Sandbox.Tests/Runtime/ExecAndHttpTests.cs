using System.Formats.Tar;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Runtime;

namespace PracticeK8s.Sandbox.Tests.Runtime;

/// <summary>exec as local processes in the container's directory (pipes and a terminal) and built-in images' HTTP.</summary>
public sealed class ExecAndHttpTests : IAsyncLifetime
{
    private readonly RuntimeHarness _h = new();
    private PodSpecification _pod = null!;

    public async Task InitializeAsync()
    {
        _pod = RuntimeHarness.Pod("exec-pod",
            RuntimeHarness.Container("app", "busybox", new[] { "sh", "-c", "sleep 3600" }),
            RuntimeHarness.Container("web", "nginx"),
            RuntimeHarness.Container("hello", "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0"));
        _h.Runtime.StartPod(_pod);
        await _h.Running(_pod.Uid, "app");
        await _h.Running(_pod.Uid, "web");
        await _h.Running(_pod.Uid, "hello");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> Exec(string container, string[] command, string? stdin = null, bool tty = false,
        ChannelReader<TerminalSize>? resize = null)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var input = stdin is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var exit = await _h.Runtime.ExecAsync(_pod.Uid, container, new ExecRequest(command, input, stdout, tty ? null : stderr, tty, resize))
            .WaitAsync(TimeSpan.FromSeconds(20));
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task Exec_SeparatesStdoutAndStderr_AndReturnsTheExitCode()
    {
        var (exit, output, error) = await Exec("app", new[] { "sh", "-c", "echo out; echo err >&2; exit 3" });
        Assert.Equal(3, exit);
        Assert.Equal("out\n", output);
        Assert.Equal("err\n", error);
    }

    [Fact]
    public async Task Exec_FeedsStdinUntilItsEnd()
    {
        var (exit, output, _) = await Exec("app", new[] { "cat" }, stdin: "line one\nline two\n");
        Assert.Equal(0, exit);
        Assert.Equal("line one\nline two\n", output);
    }

    [Fact]
    public async Task Exec_SeesTheContainerRootForAbsolutePaths_InBuiltinImagesToo()
    {
        var (_, hostname, _) = await Exec("app", new[] { "cat", "/etc/hostname" });
        Assert.Equal("exec-pod\n", hostname);
        var (_, page, _) = await Exec("web", new[] { "cat", "/usr/share/nginx/html/index.html" });
        Assert.Contains("<title>Welcome to nginx!</title>", page);
        var (code, _, _) = await Exec("web", new[] { "test", "-d", "/usr/share/nginx/html" });
        Assert.Equal(0, code);
        (code, _, _) = await Exec("web", new[] { "test", "-d", "/no/such/dir" });
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Exec_TarRoundTrip_WithContainerMemberNames()
    {
        // into the container: what kubectl cp sends (tar -xmf - -C /tmp)
        var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, "notes.txt") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("copied in\n")) };
            writer.WriteEntry(entry);
        }
        var stdout = new MemoryStream();
        archive.Position = 0;
        var exit = await _h.Runtime.ExecAsync(_pod.Uid, "app", new ExecRequest(new[] { "tar", "-xmf", "-", "-C", "/tmp" }, archive, stdout, new MemoryStream()));
        Assert.Equal(0, exit);
        var (_, content, _) = await Exec("app", new[] { "cat", "/tmp/notes.txt" });
        Assert.Equal("copied in\n", content);

        // out of the container: tar cf - /tmp/notes.txt → member "tmp/notes.txt"
        var tar = new MemoryStream();
        exit = await _h.Runtime.ExecAsync(_pod.Uid, "app", new ExecRequest(new[] { "tar", "cf", "-", "/tmp/notes.txt" }, null, tar, new MemoryStream()));
        Assert.Equal(0, exit);
        tar.Position = 0;
        var reader = new TarReader(tar);
        var member = reader.GetNextEntry()!;
        Assert.Equal("tmp/notes.txt", member.Name);
        Assert.Equal("copied in\n", new StreamReader(member.DataStream!).ReadToEnd());
    }

    [Fact]
    public async Task Exec_UnknownProgram_FailsToStart()
    {
        var e = await Assert.ThrowsAsync<ContainerRuntimeException>(() => Exec("app", new[] { "definitely-not-installed" }));
        Assert.Equal(ContainerRuntimeError.StartFailed, e.Error);
        Assert.Contains("exec: \"definitely-not-installed\": executable file not found in $PATH", e.Message);
        var missing = await Assert.ThrowsAsync<ContainerRuntimeException>(() => Exec("nope", new[] { "true" }));
        Assert.Equal(ContainerRuntimeError.NotFound, missing.Error);
    }

    [Fact]
    public async Task Exec_WithATerminal_IsATty_AndFollowsResizes()
    {
        var sizes = Channel.CreateUnbounded<TerminalSize>();
        sizes.Writer.TryWrite(new TerminalSize(100, 40));
        var (exit, output, _) = await Exec("app", new[] { "sh", "-c", "sleep 0.3; test -t 0 && echo is-a-tty; stty size" }, tty: true, resize: sizes.Reader);
        Assert.Equal(0, exit);
        Assert.Contains("is-a-tty", output);
        Assert.Contains("40 100", output);
    }

    [Fact]
    public async Task Exec_Cancelled_KillsTheProcess()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _h.Runtime.ExecAsync(_pod.Uid, "app", new ExecRequest(new[] { "sleep", "30" }, null, new MemoryStream(), new MemoryStream()), cts.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    private static DefaultHttpContext Request(string path)
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.Method = "GET";
        ctx.Request.Path = path;
        ctx.Request.Protocol = "HTTP/1.1";
        ctx.Request.Headers.UserAgent = "curl/8.0";
        ctx.Response.Body = new MemoryStream();
        return ctx;
    }

    private static string Body(HttpContext ctx) => Encoding.UTF8.GetString(((MemoryStream)ctx.Response.Body).ToArray());

    [Fact]
    public async Task HelloApp_AnswersWithItsVersionAndThePodName()
    {
        var ctx = Request("/");
        Assert.True(await _h.Runtime.ServeHttpAsync(_pod.Uid, 8080, ctx));
        Assert.Equal(200, ctx.Response.StatusCode);
        Assert.Equal("Hello, world!\nVersion: 2.0.0\nHostname: exec-pod\n", Body(ctx));
        Assert.Contains("Serving request: /", _h.Log(_pod.Uid, "hello"));
    }

    [Fact]
    public async Task Nginx_ServesItsHtmlRoot_With404Otherwise_AndLogsAccess()
    {
        var ctx = Request("/");
        Assert.True(await _h.Runtime.ServeHttpAsync(_pod.Uid, 80, ctx));
        Assert.Equal(200, ctx.Response.StatusCode);
        Assert.Contains("<h1>Welcome to nginx!</h1>", Body(ctx));
        var missing = Request("/nope.html");
        Assert.True(await _h.Runtime.ServeHttpAsync(_pod.Uid, 80, missing));
        Assert.Equal(404, missing.Response.StatusCode);
        Assert.Contains("\"GET /nope.html HTTP/1.1\" 404", _h.Log(_pod.Uid, "web"));
        Assert.Contains("\"curl/8.0\"", _h.Log(_pod.Uid, "web"));

        var (code, _, _) = await Exec("web", new[] { "sh", "-c", "echo custom > usr/share/nginx/html/index.html" });
        Assert.Equal(0, code);
        var custom = Request("/");
        await _h.Runtime.ServeHttpAsync(_pod.Uid, 80, custom);
        Assert.Equal("custom\n", Body(custom));
    }

    [Fact]
    public async Task NoContainerOnThePort_IsNotServed()
    {
        var ctx = Request("/");
        Assert.False(await _h.Runtime.ServeHttpAsync(_pod.Uid, 9999, ctx));
        Assert.False(await _h.Runtime.ServeHttpAsync("no-such-pod", 80, ctx));
        Assert.Equal(0, ((MemoryStream)ctx.Response.Body).Length);
    }
}

/// <summary>attach to a container that keeps stdin open on a terminal (what kubectl run -it / attach -it use).</summary>
public sealed class AttachTests
{
    [Fact]
    public async Task Attach_ToATtyContainer_TypesIntoItsShell()
    {
        await using var h = new RuntimeHarness();
        var pod = RuntimeHarness.Pod("shell", RuntimeHarness.Container("c", "busybox", stdin: true, tty: true));
        h.Runtime.StartPod(pod);
        await h.Running(pod.Uid, "c");
        var input = new System.IO.Pipelines.Pipe();
        var output = new MemoryStream();
        var sync = Stream.Synchronized(output);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var attach = h.Runtime.AttachAsync(pod.Uid, "c", new ExecRequest(Array.Empty<string>(), input.Reader.AsStream(), sync, null, Tty: true), cts.Token);
        await input.Writer.WriteAsync(Encoding.UTF8.GetBytes("echo attached-$((40+2))\n"));
        await RuntimeHarness.Until(() => { lock (sync) return Encoding.UTF8.GetString(output.ToArray()).Contains("attached-42"); }, "the shell's answer");
        await input.Writer.WriteAsync(Encoding.UTF8.GetBytes("exit 5\n"));
        Assert.Equal(5, await attach.WaitAsync(TimeSpan.FromSeconds(10)));
        await RuntimeHarness.Until(() => h.State(pod.Uid, "c").LastTermination is not null, "the restart");
        Assert.Equal(5, h.State(pod.Uid, "c").LastTermination!.ExitCode);
        Assert.Contains("attached-42", h.Log(pod.Uid, "c", previous: true)); // the terminal output is the container log too
    }
}
