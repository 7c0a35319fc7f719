using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace PracticeK8s.Tests.Printing;

/// <summary>
/// A minimal HTTP API server for the kubectl referee tests: legacy discovery for pods, services and events, and
/// list paths answered with Tables built by the printing library. Disposed with the test class.
/// </summary>
internal sealed class FakeTableServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, JsonNode> routes = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public FakeTableServer()
    {
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        Route("/version", new JsonObject { ["major"] = "1", ["minor"] = "32", ["gitVersion"] = "v1.32.0", ["platform"] = "linux/amd64" });
        Route("/api", JsonNode.Parse("""{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""")!);
        Route("/apis", JsonNode.Parse("""{"kind":"APIGroupList","apiVersion":"v1","groups":[]}""")!);
        Route("/api/v1", JsonNode.Parse("""
            {"kind":"APIResourceList","groupVersion":"v1","resources":[
              {"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["get","list"],"shortNames":["po"],"categories":["all"]},
              {"name":"services","singularName":"service","namespaced":true,"kind":"Service","verbs":["get","list"],"shortNames":["svc"],"categories":["all"]},
              {"name":"events","singularName":"event","namespaced":true,"kind":"Event","verbs":["get","list"],"shortNames":["ev"]}]}
            """)!);
        loop = Task.Run(Serve);
    }

    public int Port { get; }

    public void Route(string path, JsonNode body) => routes[path] = body;

    private async Task Serve()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync().WaitAsync(stop.Token); }
            catch (Exception) { return; }
            var path = context.Request.Url!.AbsolutePath;
            var found = routes.TryGetValue(path, out var body);
            var bytes = Encoding.UTF8.GetBytes(found ? body!.ToJsonString()
                : """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"not found"}""");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        stop.Dispose();
    }
}
