using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.OpenApi;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>The /openapi/v3 HTTP behaviour kubectl relies on: JSON, ETag and 304, hash redirects.</summary>
public sealed class OpenApiEndpointTests
{
    private static OpenApiGenerator Generator => BuiltInResources.Generator.Value;

    private static async Task<(HttpContext Context, string Body)> Get(string path, string? query = null,
        string accept = "application/json", string? ifNoneMatch = null, string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (query is not null) context.Request.QueryString = new QueryString(query);
        context.Request.Headers.Accept = accept;
        if (ifNoneMatch is not null) context.Request.Headers.IfNoneMatch = ifNoneMatch;
        var body = new MemoryStream();
        context.Response.Body = body;
        Assert.True(await OpenApiEndpoint.TryHandle(context, Generator));
        return (context, Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task Root_IsTheGeneratorsRoot()
    {
        var (context, body) = await Get("/openapi/v3", accept: "application/json, */*");
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
        Assert.Equal(Generator.RootJson(), body);
        Assert.False(string.IsNullOrEmpty(context.Response.Headers.ETag));
    }

    [Fact]
    public async Task Document_WithItsCurrentHash_IsImmutableAndTaggedWithIt()
    {
        var (json, hash) = Generator.Document("apis/apps/v1");
        var (context, body) = await Get("/openapi/v3/apis/apps/v1", $"?hash={hash}&timeout=32s");
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(json, body);
        Assert.Equal($"\"{hash}\"", context.Response.Headers.ETag.ToString());
        Assert.Equal("public, immutable", context.Response.Headers.CacheControl.ToString());
        Assert.True(JsonNode.Parse(body)!["paths"]!.AsObject().ContainsKey("/apis/apps/v1/namespaces/{namespace}/deployments"));
    }

    [Fact]
    public async Task Document_WithAStaleHash_RedirectsToTheCurrentOne()
    {
        var hash = Generator.Document("api/v1").Hash;
        var (context, body) = await Get("/openapi/v3/api/v1", "?hash=0123");
        Assert.Equal(301, context.Response.StatusCode);
        Assert.Equal($"/openapi/v3/api/v1?hash={hash}", context.Response.Headers.Location.ToString());
        Assert.Empty(body);
    }

    [Fact]
    public async Task MatchingIfNoneMatch_Answers304WithoutABody()
    {
        var hash = Generator.Document("api/v1").Hash;
        var (context, body) = await Get("/openapi/v3/api/v1", ifNoneMatch: $"\"{hash}\"");
        Assert.Equal(304, context.Response.StatusCode);
        Assert.Empty(body);
        var (changed, changedBody) = await Get("/openapi/v3/api/v1", ifNoneMatch: "\"other\"");
        Assert.Equal(200, changed.Response.StatusCode);
        Assert.NotEmpty(changedBody);
    }

    [Fact]
    public async Task UnknownGroupVersion_IsANotFoundStatus()
    {
        var (context, body) = await Get("/openapi/v3/apis/nothing.example.com/v1");
        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("NotFound", (string?)JsonNode.Parse(body)!["reason"]);
    }

    [Fact]
    public async Task ProtobufOnlyAccept_IsNotAcceptable_AndWritesAreNotAllowed()
    {
        var (protobuf, _) = await Get("/openapi/v3/api/v1", accept: "application/com.github.proto-openapi.spec.v3@v1.0+protobuf");
        Assert.Equal(406, protobuf.Response.StatusCode);
        var (post, _) = await Get("/openapi/v3/api/v1", method: "POST");
        Assert.Equal(405, post.Response.StatusCode);
    }

    [Fact]
    public async Task OtherPaths_AreLeftToTheRouter()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/openapi/v2";
        Assert.False(await OpenApiEndpoint.TryHandle(context, Generator));
        context.Request.Path = "/openapi/v3x";
        Assert.False(await OpenApiEndpoint.TryHandle(context, Generator));
    }
}
