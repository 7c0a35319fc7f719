using System.Diagnostics;
using System.Net;
using System.Text.Json;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

/// <summary>Faults on demand (/practicek8s/faults), each observed by KubernetesClient as a client would meet it.</summary>
[Collection(SandboxCollection.Name)]
public sealed class FaultTests(SandboxFixture f)
{
    private async Task<JsonElement> AddFault(object rule)
    {
        using var http = f.Server.Http(f.Server.AdminToken);
        var (code, body, _) = await Raw.Send(http, HttpMethod.Post, "/practicek8s/faults", JsonSerializer.Serialize(rule));
        Assert.Equal(HttpStatusCode.Created, code);
        return body;
    }

    private async Task ClearFaults()
    {
        using var http = f.Server.Http(f.Server.AdminToken);
        await Raw.Send(http, HttpMethod.Delete, "/practicek8s/faults");
    }

    private static string ConfigMaps(string ns) => $"/api/v1/namespaces/{ns}/configmaps";

    [Fact]
    public async Task StatusFaults_429_500_503_WithRetryAfter_ForAFewRequests()
    {
        var ns = f.NewNamespace("fstatus");
        try
        {
            await AddFault(new { pathPrefix = ConfigMaps(ns), kind = "status", status = 503, retryAfterSeconds = 2, count = 1 });
            var unavailable = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.Response.StatusCode);
            Assert.Equal("2", unavailable.Response.Headers["Retry-After"].Single());
            Assert.Equal("ServiceUnavailable", JsonDocument.Parse(unavailable.Response.Content).RootElement.Reason());
            Assert.DoesNotContain((await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Items, c => c.Metadata.Name == "c"); // count 1: served again

            await AddFault(new { pathPrefix = ConfigMaps(ns), methods = new[] { "POST" }, kind = "status", status = 429, retryAfterSeconds = 1, count = 2 });
            var cm = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } };
            for (int i = 0; i < 2; i++)
            {
                var throttled = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.CreateNamespacedConfigMapAsync(cm, ns));
                Assert.Equal((HttpStatusCode)429, throttled.Response.StatusCode);
                Assert.Equal("TooManyRequests", JsonDocument.Parse(throttled.Response.Content).RootElement.Reason());
            }
            await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(cm, ns);

            await AddFault(new { pathPrefix = ConfigMaps(ns) + "/c", kind = "status", status = 500 });
            var broken = await Assert.ThrowsAsync<HttpOperationException>(() => f.Admin.CoreV1.ReadNamespacedConfigMapAsync("c", ns));
            Assert.Equal(HttpStatusCode.InternalServerError, broken.Response.StatusCode);
            using var http = f.Server.Http(f.Server.AdminToken);
            var (_, list, _) = await Raw.Send(http, HttpMethod.Get, "/practicek8s/faults");
            var rule = list.GetProperty("rules").EnumerateArray().Single();
            Assert.Equal(1, rule.GetProperty("hits").GetInt32());
        }
        finally { await ClearFaults(); }
        Assert.Equal("c", (await f.Admin.CoreV1.ReadNamespacedConfigMapAsync("c", ns)).Metadata.Name);
    }

    [Fact]
    public async Task DelayFault_SlowsTheAnswerDown()
    {
        var ns = f.NewNamespace("fdelay");
        try
        {
            await AddFault(new { pathPrefix = ConfigMaps(ns), kind = "delay", delayMs = 700, count = 1 });
            var watch = Stopwatch.StartNew();
            await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns);
            Assert.True(watch.ElapsedMilliseconds >= 650, $"took {watch.ElapsedMilliseconds} ms");
            watch.Restart();
            await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns);
            Assert.True(watch.ElapsedMilliseconds < 650);
        }
        finally { await ClearFaults(); }
    }

    [Fact]
    public async Task DropWatchFault_EndsTheWatchEarly()
    {
        var ns = f.NewNamespace("fdrop");
        try
        {
            await f.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "seen" } }, ns);
            await AddFault(new { pathPrefix = ConfigMaps(ns), kind = "dropWatch", delayMs = 500, count = 1 });
            var started = Stopwatch.StartNew();
#pragma warning disable CS0618 // the list-with-watch entry point, as the module uses it
            var events = f.Admin.CoreV1.ListNamespacedConfigMapWithHttpMessagesAsync(ns, fieldSelector: "metadata.name=seen", watch: true, timeoutSeconds: 60)
                .WatchAsync<V1ConfigMap, V1ConfigMapList>();
#pragma warning restore CS0618
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var received = new List<string>();
            await foreach (var (type, cm) in events.WithCancellation(cts.Token)) received.Add($"{type} {cm.Metadata.Name}"); // ends when the server ends the watch
            Assert.False(cts.IsCancellationRequested, "the watch was not dropped");
            Assert.Equal(new[] { "Added seen" }, received);
            Assert.InRange(started.ElapsedMilliseconds, 400, 10_000);
        }
        finally { await ClearFaults(); }
    }

    [Fact]
    public async Task ResetFault_DropsTheConnectionWithoutAnAnswer()
    {
        var ns = f.NewNamespace("freset");
        try
        {
            await AddFault(new { pathPrefix = ConfigMaps(ns), kind = "reset", count = 1 });
            var e = await Assert.ThrowsAnyAsync<Exception>(() => f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns));
            Assert.IsAssignableFrom<HttpRequestException>(e is HttpOperationException ? e.InnerException : e);
            Assert.Equal("v1", (await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).ApiVersion); // count 1: served again
        }
        finally { await ClearFaults(); }
    }

    [Fact]
    public async Task FaultsEndpoint_IsForTheAdminOnly_AndValidatesRules()
    {
        using var anonymous = f.Server.Http(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/practicek8s/faults")).StatusCode);
        using var reader = f.Server.Http(f.Server.ReadOnlyToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/practicek8s/faults")).StatusCode);
        using var admin = f.Server.Http(f.Server.AdminToken);
        var (code, body, _) = await Raw.Send(admin, HttpMethod.Post, "/practicek8s/faults", """{"kind":"explode"}""");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("kind must be one of", body.Message());
        var added = await AddFault(new { pathPrefix = "/apis/nothing", kind = "delay", delayMs = 1 });
        (code, _, _) = await Raw.Send(admin, HttpMethod.Delete, $"/practicek8s/faults/{added.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, code);
        var (_, list, _) = await Raw.Send(admin, HttpMethod.Get, "/practicek8s/faults");
        Assert.Equal(0, list.GetProperty("rules").GetArrayLength());
    }
}
