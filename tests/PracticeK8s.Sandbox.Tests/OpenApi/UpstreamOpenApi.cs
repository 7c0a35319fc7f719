using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>
/// The upstream Kubernetes 1.32 OpenAPI documents, read at test time from the shared data folder
/// (a test oracle only; nothing from it is copied into the repository).
/// </summary>
internal static class UpstreamOpenApi
{
    /// <summary>$PRACTICEK8S_OPENAPI_DIR (build.ps1 sets it from ../shared/data), else the workplace's shared folder.</summary>
    public static readonly string Folder =
        Environment.GetEnvironmentVariable("PRACTICEK8S_OPENAPI_DIR") is { Length: > 0 } configured
            ? configured
            : "/work/shared/data/kubernetes-openapi";

    private static readonly Dictionary<string, JsonObject> Cache = new();
    private static readonly Lazy<JsonObject> Swagger = new(() => Read(Path.Combine(Folder, "swagger.json")));

    /// <summary>The group-versions the data folder has v3 documents for.</summary>
    public static readonly string[] GroupVersionPaths =
    [
        "api/v1", "apis/apps/v1", "apis/autoscaling/v1", "apis/batch/v1", "apis/coordination.k8s.io/v1",
        "apis/discovery.k8s.io/v1", "apis/events.k8s.io/v1", "apis/networking.k8s.io/v1", "apis/policy/v1",
        "apis/storage.k8s.io/v1",
    ];

    public static JsonObject V3(string groupVersionPath)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(groupVersionPath, out var doc))
                Cache[groupVersionPath] = doc = Read(Path.Combine(Folder, "v3", groupVersionPath.Replace("/", "__") + "_openapi.json"));
            return doc;
        }
    }

    /// <summary>The v2 definitions of the whole built-in API (every schema name of 1.32).</summary>
    public static JsonObject SwaggerDefinitions => Swagger.Value["definitions"]!.AsObject();

    public static JsonObject Schemas(JsonObject document) => document["components"]!["schemas"]!.AsObject();

    private static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
