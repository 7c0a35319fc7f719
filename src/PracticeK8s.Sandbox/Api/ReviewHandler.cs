using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// The self-subject reviews (never stored): <c>kubectl auth can-i</c> (SelfSubjectAccessReview,
/// SelfSubjectRulesReview for <c>--list</c>) and <c>kubectl auth whoami</c> (SelfSubjectReview).
/// </summary>
public sealed class ReviewHandler(SandboxState state)
{
    public async Task Create(ApiRequest r)
    {
        var body = await RequestBody.ReadObjectAsync(r.Http.Request, r.Aborted);
        var warnings = new List<string>();
        var review = ObjectPipeline.Decode(r.Def, body, null, FieldValidation.Ignore, warnings, state.Registry);
        review.Obj("metadata")!["creationTimestamp"] = null;
        review["status"] = r.Def.Kind switch
        {
            "SelfSubjectAccessReview" => Access(r.User, review.Obj("spec")),
            "SelfSubjectRulesReview" => Rules(r.User),
            "SelfSubjectReview" => new JsonObject
            {
                ["userInfo"] = new JsonObject
                {
                    ["username"] = r.User.Name,
                    ["groups"] = new JsonArray(r.User.Groups.Select(g => (JsonNode?)JsonValue.Create(g)).ToArray()),
                },
            },
            _ => throw ApiException.PathNotFound(),
        };
        await Respond.Json(r.Http, 201, review);
    }

    private static JsonObject Access(UserInfo user, JsonObject? spec)
    {
        var ra = spec.Obj("resourceAttributes");
        var nra = spec.Obj("nonResourceAttributes");
        if (ra is null && nra is null)
            throw ApiException.Invalid("SelfSubjectAccessReview.authorization.k8s.io", "", "authorization.k8s.io", "SelfSubjectAccessReview",
                new[] { new StatusCause("FieldValueRequired", "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified", "spec.resourceAttributes") });
        var verb = ra?.Str("verb") ?? nra?.Str("verb") ?? "";
        var allowed = ra is not null
            ? Authorizer.Allows(user, verb, ra.Str("group") ?? "", ra.Str("resource") ?? "", string.IsNullOrEmpty(ra.Str("subresource")) ? null : ra.Str("subresource"))
            : user.CanWrite || verb is "get" or "head" && (!user.IsServiceAccount || IsDiscoveryPath(nra!.Str("path") ?? ""));
        var status = new JsonObject { ["allowed"] = allowed };
        if (allowed) status["reason"] = user.CanWrite ? "the sandbox admin may do anything"
            : user.IsServiceAccount ? "a service account may ask about itself and read discovery" : "the read-only user may read";
        return status;
    }

    /// <summary>What system:discovery and system:basic-user let any authenticated user read.</summary>
    private static readonly string[] DiscoveryPaths = { "/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/readyz", "/openapi", "/openapi/*", "/version", "/version/" };

    private static bool IsDiscoveryPath(string path) =>
        DiscoveryPaths.Any(p => p.EndsWith("/*", StringComparison.Ordinal) ? path.StartsWith(p[..^1], StringComparison.Ordinal) : path == p);

    private static JsonObject Rules(UserInfo user)
    {
        if (user.IsServiceAccount) return ServiceAccountRules();
        var verbs = new JsonArray(Authorizer.VerbsAllowed(user).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        return new JsonObject
        {
            ["resourceRules"] = new JsonArray(new JsonObject
            {
                ["verbs"] = verbs,
                ["apiGroups"] = new JsonArray("*"),
                ["resources"] = new JsonArray("*"),
            }),
            ["nonResourceRules"] = new JsonArray(new JsonObject
            {
                ["verbs"] = new JsonArray(user.CanWrite ? "*" : "get"),
                ["nonResourceURLs"] = new JsonArray("*"),
            }),
            ["incomplete"] = false,
        };
    }

    private static JsonObject ServiceAccountRules() => new()
    {
        ["resourceRules"] = new JsonArray(
            new JsonObject
            {
                ["verbs"] = new JsonArray("create"),
                ["apiGroups"] = new JsonArray("authorization.k8s.io"),
                ["resources"] = new JsonArray("selfsubjectaccessreviews", "selfsubjectrulesreviews"),
            },
            new JsonObject
            {
                ["verbs"] = new JsonArray("create"),
                ["apiGroups"] = new JsonArray("authentication.k8s.io"),
                ["resources"] = new JsonArray("selfsubjectreviews"),
            }),
        ["nonResourceRules"] = new JsonArray(new JsonObject
        {
            ["verbs"] = new JsonArray("get"),
            ["nonResourceURLs"] = new JsonArray(DiscoveryPaths.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
        }),
        ["incomplete"] = false,
    };
}
