using System.Text.Json.Nodes;

namespace PracticeK8s.Tests.Merge;

/// <summary>
/// The upstream Kubernetes 1.32 OpenAPI v2 document, read at test time from the shared data folder
/// (never copied into the repository). Found through <c>PRACTICEK8S_OPENAPI_DIR</c> or by looking for
/// <c>shared/data/kubernetes-openapi</c> (or <c>data/kubernetes-openapi</c>) above the test binaries.
/// </summary>
internal static class OpenApiOracle
{
    private static readonly Lazy<JsonObject> Document = new(Load);

    public static JsonObject Definitions => (JsonObject)Document.Value["definitions"]!;

    private static JsonObject Load()
    {
        var path = Path.Combine(FindDirectory(), "swagger.json");
        return (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static string FindDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PRACTICEK8S_OPENAPI_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data", "kubernetes-openapi"), Path.Combine(dir.FullName, "data", "kubernetes-openapi") })
            {
                if (File.Exists(Path.Combine(candidate, "swagger.json")))
                {
                    return candidate;
                }
            }
        }

        const string workplace = "/work/shared/data/kubernetes-openapi";
        if (File.Exists(Path.Combine(workplace, "swagger.json")))
        {
            return workplace;
        }

        throw new InvalidOperationException(
            "The Kubernetes OpenAPI oracle (shared/data/kubernetes-openapi/swagger.json) was not found above " +
            AppContext.BaseDirectory + "; set PRACTICEK8S_OPENAPI_DIR.");
    }
}
