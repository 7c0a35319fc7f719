using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using k8s;
using k8s.Models;

namespace PracticeK8s.Tests.Printing;

/// <summary>
/// A minimal Kubernetes API over HTTP for the kubectl referee tests: legacy discovery for the resources it is
/// told about, fixed answers per path (queries ignored), and event lists filtered by kubectl's
/// involvedObject field selector. Plain HTTP on 127.0.0.1; disposed with the test fixture.
/// </summary>
internal sealed class FakeApiServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, JsonNode> routes = new();
    private readonly List<Corev1Event> events = [];
    private readonly Dictionary<string, List<JsonObject>> groups = new() { [""] = [] };
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public FakeApiServer()
    {
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        Route("/version", new JsonObject { ["major"] = "1", ["minor"] = "32", ["gitVersion"] = "v1.32.0", ["platform"] = "linux/amd64" });
        loop = Task.Run(Serve);
    }

    public int Port { get; }

    /// <summary>Announces a resource in discovery ("" is the core group; every group is served at v1).</summary>
    public void Resource(string group, string plural, string kind, bool namespaced = true, string? shortName = null, bool inAll = false)
    {
        if (!groups.TryGetValue(group, out var list)) groups[group] = list = [];
        var resource = new JsonObject
        {
            ["name"] = plural, ["singularName"] = kind.ToLowerInvariant(), ["namespaced"] = namespaced, ["kind"] = kind,
            ["verbs"] = new JsonArray("get", "list"),
        };
        if (shortName is not null) resource["shortNames"] = new JsonArray(shortName);
        if (inAll) resource["categories"] = new JsonArray("all");
        list.Add(resource);
    }

    public void Route(string path, JsonNode body) => routes[path] = body;

    /// <summary>Serves a typed object at its path.</summary>
    public void Object(string path, object resource) => Route(path, JsonNode.Parse(KubernetesJson.Serialize(resource))!);

    /// <summary>Serves a list of typed objects at a collection path.</summary>
    public void List(string path, string kind, string apiVersion, IEnumerable<object> items) => Route(path, new JsonObject
    {
        ["kind"] = kind, ["apiVersion"] = apiVersion, ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
        ["items"] = new JsonArray(items.Select(i => JsonNode.Parse(KubernetesJson.Serialize(i))).ToArray()),
    });

    /// <summary>Events answered on /api/v1/events and /api/v1/namespaces/NS/events, filtered as the query asks.</summary>
    public void Events(IEnumerable<Corev1Event> added) => events.AddRange(added);

    private async Task Serve()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync().WaitAsync(stop.Token); }
            catch (Exception) { return; }
            var body = Answer(context.Request.Url!);
            var bytes = Encoding.UTF8.GetBytes((body ?? NotFound(context.Request.Url!.AbsolutePath)).ToJsonString());
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private JsonNode? Answer(Uri url)
    {
        var path = url.AbsolutePath;
        if (routes.TryGetValue(path, out var body)) return body;
        if (path == "/api")
            return JsonNode.Parse("""{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""");
        if (path == "/apis")
            return new JsonObject
            {
                ["kind"] = "APIGroupList", ["apiVersion"] = "v1",
                ["groups"] = new JsonArray(groups.Keys.Where(g => g.Length > 0).Select(g => (JsonNode)new JsonObject
                {
                    ["name"] = g,
                    ["versions"] = new JsonArray(new JsonObject { ["groupVersion"] = $"{g}/v1", ["version"] = "v1" }),
                    ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{g}/v1", ["version"] = "v1" },
                }).ToArray()),
            };
        var groupVersion = path == "/api/v1" ? "v1" : path.StartsWith("/apis/") && path.EndsWith("/v1") ? path[6..] : null;
        if (groupVersion is not null && groups.TryGetValue(groupVersion == "v1" ? "" : groupVersion[..^3], out var resources))
            return new JsonObject
            {
                ["kind"] = "APIResourceList", ["groupVersion"] = groupVersion,
                ["resources"] = new JsonArray(resources.Select(r => r.DeepClone()).ToArray()),
            };
        if (path == "/api/v1/events" || (path.StartsWith("/api/v1/namespaces/") && path.EndsWith("/events")))
            return EventList(HttpUtility.ParseQueryString(url.Query)["fieldSelector"]);
        return null;
    }

    private JsonNode EventList(string? fieldSelector)
    {
        var terms = (fieldSelector ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Split('=', 2)).Where(t => t.Length == 2).ToDictionary(t => t[0], t => t[1]);
        bool Matches(Corev1Event e) =>
            (!terms.TryGetValue("involvedObject.name", out var name) || e.InvolvedObject?.Name == name)
            && (!terms.TryGetValue("involvedObject.kind", out var kind) || e.InvolvedObject?.Kind == kind)
            && (!terms.TryGetValue("involvedObject.uid", out var uid) || e.InvolvedObject?.Uid == uid);
        return new JsonObject
        {
            ["kind"] = "EventList", ["apiVersion"] = "v1", ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
            ["items"] = new JsonArray(events.Where(Matches).Select(e => JsonNode.Parse(KubernetesJson.Serialize(e))).ToArray()),
        };
    }

    /// <summary>A 404 Status worded like the API server's: <c>services "web" not found</c>, <c>deployments.apps "web" not found</c>.</summary>
    private static JsonNode NotFound(string path)
    {
        var parts = path.Trim('/').Split('/');
        var group = parts[0] == "apis" && parts.Length > 1 ? "." + parts[1] : "";
        var message = parts.Length >= 2 ? $"{parts[^2]}{group} \"{parts[^1]}\" not found" : $"{path} not found";
        return new JsonObject
        {
            ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["reason"] = "NotFound", ["code"] = 404, ["message"] = message,
        };
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
