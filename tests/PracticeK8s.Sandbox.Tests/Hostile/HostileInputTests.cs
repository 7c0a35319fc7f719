using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PracticeK8s.Sandbox.Tests.Hostile;

/// <summary>
/// Bodies and paths meant to crash or bloat the server, each answered with its Status code quickly, the
/// server answering normally afterwards. One private sandbox for the class (see <see cref="PrivateSandbox"/>).
/// </summary>
public sealed class HostileInputTests(PrivateSandbox sandbox, ITestOutputHelper output) : IClassFixture<PrivateSandbox>
{
    private const string AccessReviews = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(3);

    private SandboxProcess Server => sandbox.Server;

    private async Task<(HttpStatusCode Code, JsonElement Status, TimeSpan Took)> Timed(Func<Task<(HttpStatusCode, JsonElement, HttpResponseMessage)>> send, string what)
    {
        var rssBefore = sandbox.ResidentMiB();
        var clock = Stopwatch.StartNew();
        var (code, body, _) = await send();
        clock.Stop();
        output.WriteLine($"{what}: {(int)code} in {clock.ElapsedMilliseconds} ms (server RSS {rssBefore:F0} -> {sandbox.ResidentMiB():F0} MiB)");
        return (code, body, clock.Elapsed);
    }

    /// <summary>The server is alive and serving: /version and a real list answer.</summary>
    private async Task AssertStillServing()
    {
        Assert.False(Server.HasExited, $"the sandbox exited: {Server.StandardError}");
        using var http = Server.Http(Server.ReadOnlyToken);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/version")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/namespaces")).StatusCode);
    }

    private static void AssertStatus(JsonElement status, int code, string reason)
    {
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Equal(code, status.GetProperty("code").GetInt32());
        Assert.Equal(reason, status.Reason());
    }

    [Theory]
    [InlineData("application/yaml")]
    [InlineData("application/json")]
    public async Task DeeplyNestedBody_FromTheReadOnlyToken_IsRefused400(string contentType)
    {
        using var http = Server.Http(Server.ReadOnlyToken);
        var nested = HostileBodies.NestedArrays(100_000);
        var body = contentType == "application/json" ? "{\"spec\":" + nested + "}" : "spec: " + nested + "\n";
        var (code, status, took) = await Timed(() => Raw.Send(http, HttpMethod.Post, AccessReviews, body, contentType), $"100,000-deep {contentType} ({body.Length / 1024} KB)");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        AssertStatus(status, 400, "BadRequest");
        Assert.Contains("depth", status.Message());
        Assert.True(took < Quickly, $"took {took}");
        await AssertStillServing();
    }

    [Fact]
    public async Task DeeplyNestedApplyPatch_IsRefused400()
    {
        using var http = Server.Http(Server.AdminToken);
        var body = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + HostileBodies.NestedArrays(100_000) + "\n";
        var (code, status, took) = await Timed(() => Raw.Send(http, HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/deep?fieldManager=t", body,
            "application/apply-patch+yaml"), "100,000-deep server-side apply");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        AssertStatus(status, 400, "BadRequest");
        Assert.True(took < Quickly, $"took {took}");
        await AssertStillServing();
    }

    private const string Review = "apiVersion: authorization.k8s.io/v1\nkind: SelfSubjectAccessReview\nspec:\n  resourceAttributes: {verb: get, resource: pods}\nbomb:\n";

    [Fact]
    public async Task AliasBomb_OfAThousand_IsAccepted()
    {
        using var http = Server.Http(Server.ReadOnlyToken);
        var (code, review, took) = await Timed(() => Raw.Send(http, HttpMethod.Post, AccessReviews, HostileBodies.AliasBomb(3, Review, "  "), "application/yaml"),
            "alias bomb 10^3");
        Assert.Equal(HttpStatusCode.Created, code);
        Assert.True(review.GetProperty("status").GetProperty("allowed").GetBoolean());
        Assert.True(took < Quickly, $"took {took}");
        await AssertStillServing();
    }

    [Theory]
    [InlineData(7)]
    [InlineData(9)]
    public async Task AliasBomb_OfMillionsOrBillions_IsRefused400Quickly(int levels)
    {
        using var http = Server.Http(Server.ReadOnlyToken);
        var body = HostileBodies.AliasBomb(levels, Review, "  ");
        var rssBefore = sandbox.ResidentMiB();
        var (code, status, took) = await Timed(() => Raw.Send(http, HttpMethod.Post, AccessReviews, body, "application/yaml"),
            $"alias bomb 10^{levels} ({body.Length} bytes)");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        AssertStatus(status, 400, "BadRequest");
        Assert.Contains("excessive aliasing", status.Message());
        Assert.True(took < Quickly, $"took {took}");
        Assert.True(sandbox.ResidentMiB() - rssBefore < 100, "the refused bomb grew the server by 100 MiB or more");
        await AssertStillServing();
    }

    /// <summary>Content of a given length, generated as it is sent (nothing of that size is allocated here).</summary>
    private sealed class GeneratedContent(long length, bool chunked) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var block = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (long sent = 0; sent < length; sent += block.Length)
                await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, length - sent)));
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return !chunked;
        }
    }

    [Theory]
    [InlineData(100L * 1024 * 1024, false, false)]
    [InlineData(100L * 1024 * 1024, false, true)]
    [InlineData(10L * 1024 * 1024, false, false)]
    [InlineData(10L * 1024 * 1024, true, false)]
    [InlineData(4L * 1024 * 1024, true, false)]
    public async Task OversizedBody_IsRefused413(long bytes, bool chunked, bool expectContinue)
    {
        using var http = Server.Http(Server.AdminToken);
        var (code, status, took) = await Timed(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/namespaces/default/configmaps") { Content = new GeneratedContent(bytes, chunked) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.ExpectContinue = expectContinue;
            var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
        }, $"{bytes / 1024 / 1024} MiB body, {(chunked ? "chunked" : "with Content-Length")}{(expectContinue ? ", Expect: 100-continue" : "")}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, code);
        AssertStatus(status, 413, "RequestEntityTooLarge");
        Assert.Contains("limit is 3145728", status.Message());
        Assert.True(took < Quickly, $"took {took}");
        await AssertStillServing();
    }

    [Theory]
    [InlineData("/api/v1/namespaces/default/configmaps/%2e%2e")]
    [InlineData("/api/v1/namespaces/default/configmaps/%2E%2E/")]
    [InlineData("/api/v1/namespaces/default/configmaps/..")]
    [InlineData("/api/v1/namespaces/default/pods/./x")]
    public async Task DotSegmentsInThePath_AreNotFound(string path)
    {
        using var http = Server.Http(Server.AdminToken);
        // As sent, not resolved by the client: the server must see the dot segments.
        var uri = new Uri(Server.Url + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        AssertStatus(body, 404, "NotFound");
        Assert.NotEqual("Namespace", body.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/namespaces/default")).StatusCode);
    }

    [Theory]
    [InlineData("../..", "subPath", "must not contain '..'")]
    [InlineData("logs/../../etc", "subPath", "must not contain '..'")]
    [InlineData("/etc", "subPath", "must be a relative path")]
    [InlineData("$(POD_NAME)/../..", "subPathExpr", "must not contain '..'")]
    public async Task VolumeSubPath_LeavingTheVolume_IsInvalid422(string value, string field, string why)
    {
        using var client = Server.AdminClient();
        var mount = new V1VolumeMount { Name = "data", MountPath = "/data" };
        if (field == "subPath") mount.SubPath = value;
        else mount.SubPathExpr = value;
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "subpath-" + Guid.NewGuid().ToString("N")[..6] },
            Spec = new V1PodSpec
            {
                SchedulerName = SandboxFixture.NoScheduler,
                Containers = new List<V1Container> { new() { Name = "c", Image = "busybox", VolumeMounts = new List<V1VolumeMount> { mount } } },
                Volumes = new List<V1Volume> { new() { Name = "data", EmptyDir = new V1EmptyDirVolumeSource() } },
            },
        };
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(pod, "default"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.Response.StatusCode);
        var status = JsonDocument.Parse(e.Response.Content).RootElement;
        AssertStatus(status, 422, "Invalid");
        Assert.Equal($"Pod \"{pod.Metadata.Name}\" is invalid: spec.containers[0].volumeMounts[0].{field}: Invalid value: \"{value}\": {why}", status.Message());

        mount.SubPath = field == "subPath" ? "logs/app" : null;
        mount.SubPathExpr = field == "subPathExpr" ? "$(POD_NAME)" : null;
        var created = await client.CoreV1.CreateNamespacedPodAsync(pod, "default");
        await client.CoreV1.DeleteNamespacedPodAsync(created.Metadata.Name, "default", gracePeriodSeconds: 0);
    }

    [Fact]
    public async Task VolumeSubPath_InADeploymentTemplate_IsInvalid422()
    {
        using var client = Server.AdminClient();
        var labels = new Dictionary<string, string> { ["app"] = "sp" };
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "subpath" },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        Containers = new List<V1Container> { new() { Name = "c", Image = "nginx", VolumeMounts = new List<V1VolumeMount> { new() { Name = "d", MountPath = "/d", SubPath = "../.." } } } },
                        Volumes = new List<V1Volume> { new() { Name = "d", EmptyDir = new V1EmptyDirVolumeSource() } },
                    },
                },
            },
        };
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.CreateNamespacedDeploymentAsync(deployment, "default"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.Response.StatusCode);
        Assert.Contains("spec.template.spec.containers[0].volumeMounts[0].subPath: Invalid value: \"../..\": must not contain '..'",
            JsonDocument.Parse(e.Response.Content).RootElement.Message());
    }
}
