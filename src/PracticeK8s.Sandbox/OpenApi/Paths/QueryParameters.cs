using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi.Documentation;

namespace PracticeK8s.Sandbox.OpenApi.Paths;

/// <summary>
/// The parameters of the API operations, as kube-apiserver declares them. kubectl reads
/// these: it sends fieldValidation=Strict only after finding that parameter on the PATCH of the
/// kind. Descriptions come from KubernetesClient's XML doc comments of its operations.
/// </summary>
internal sealed class QueryParameters(ModelDocumentation docs)
{
    public static readonly string[] List =
        ["allowWatchBookmarks", "continue", "fieldSelector", "labelSelector", "limit", "resourceVersion",
         "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch"];
    public static readonly string[] Write = ["dryRun", "fieldManager", "fieldValidation"];
    public static readonly string[] Patch = ["dryRun", "fieldManager", "fieldValidation", "force"];
    public static readonly string[] Delete =
        ["dryRun", "gracePeriodSeconds", "ignoreStoreReadErrorWithClusterBreakingPotential", "orphanDependents", "propagationPolicy"];
    public static readonly string[] DeleteCollection =
        ["continue", "dryRun", "fieldSelector", "gracePeriodSeconds", "ignoreStoreReadErrorWithClusterBreakingPotential",
         "labelSelector", "limit", "orphanDependents", "propagationPolicy", "resourceVersion", "resourceVersionMatch",
         "sendInitialEvents", "timeoutSeconds"];
    public static readonly string[] Log =
        ["container", "follow", "insecureSkipTLSVerifyBackend", "limitBytes", "previous", "sinceSeconds", "stream", "tailLines", "timestamps"];
    public static readonly string[] Exec = ["command", "container", "stderr", "stdin", "stdout", "tty"];
    public static readonly string[] Attach = ["container", "stderr", "stdin", "stdout", "tty"];
    public static readonly string[] PortForward = ["ports"];
    public static readonly string[] Proxy = ["path"];

    private static readonly HashSet<string> Booleans =
    [
        "allowWatchBookmarks", "sendInitialEvents", "watch", "force", "ignoreStoreReadErrorWithClusterBreakingPotential",
        "orphanDependents", "follow", "insecureSkipTLSVerifyBackend", "previous", "timestamps", "stderr", "stdin", "stdout", "tty",
    ];
    private static readonly HashSet<string> Integers =
        ["limit", "timeoutSeconds", "gracePeriodSeconds", "limitBytes", "sinceSeconds", "tailLines", "ports"];

    public JsonObject Query(string name)
    {
        var type = Booleans.Contains(name) ? "boolean" : Integers.Contains(name) ? "integer" : "string";
        return Parameter(name, "query", docs.ForParameter(name), type, required: false);
    }

    public JsonObject Pretty() => Query("pretty");

    public JsonObject Namespace() => Parameter("namespace", "path", docs.ForParameter("namespace"), "string", required: true);

    public JsonObject Name(string kind) => Parameter("name", "path", $"name of the {kind}", "string", required: true);

    public JsonObject PathSegment() => Parameter("path", "path", "path to the resource", "string", required: true);

    public JsonArray Many(IEnumerable<string> names) => Sorted(names.Select(Query));

    /// <summary>Parameters ordered by name, as upstream lists them.</summary>
    public static JsonArray Sorted(IEnumerable<JsonObject> parameters) =>
        new(parameters.OrderBy(p => (string)p["name"]!, StringComparer.Ordinal).ThenBy(p => (string)p["in"]!, StringComparer.Ordinal)
            .Select(p => (JsonNode)p).ToArray());

    private static JsonObject Parameter(string name, string @in, string? description, string type, bool required)
    {
        var parameter = new JsonObject();
        if (description is not null) parameter["description"] = description;
        parameter["in"] = @in;
        parameter["name"] = name;
        if (required) parameter["required"] = true;
        parameter["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true };
        return parameter;
    }
}
