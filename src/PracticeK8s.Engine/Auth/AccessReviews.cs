using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Auth;

/// <summary>kubectl auth can-i's answer: allowed or not, and the server's reason.</summary>
public sealed record AccessAnswer(AccessQuestion Question, bool Allowed, string Reason, string EvaluationError)
{
    /// <summary>kubectl's line: "yes", or "no" followed by " - reason" and " - evaluation error" when given.</summary>
    public string Text => Allowed ? "yes" : "no" + (Reason.Length > 0 ? " - " + Reason : "") + (EvaluationError.Length > 0 ? " - " + EvaluationError : "");
}

/// <summary>One row of kubectl auth can-i --list: a resource ("pods", "deployments.apps", "*.*") or a non-resource URL, with its verbs.</summary>
public sealed record AccessRule(string Resources, IReadOnlyList<string> NonResourceURLs, IReadOnlyList<string> ResourceNames, IReadOnlyList<string> Verbs)
;

/// <summary>Who the server says the caller is (kubectl auth whoami).</summary>
public sealed record KubeIdentity(string Username, string Uid, IReadOnlyList<string> Groups, IReadOnlyDictionary<string, IReadOnlyList<string>> Extra);

/// <summary>
/// The self-subject reviews kubectl auth sends: SelfSubjectAccessReview (can-i),
/// SelfSubjectRulesReview (can-i --list) and SelfSubjectReview (whoami). None is stored by the server.
/// </summary>
public sealed class AccessReviews(KubeApi api)
{
    public async Task<AccessAnswer> AskAsync(AccessQuestion question, CancellationToken cancel)
    {
        var spec = new JsonObject();
        if (question.NonResourceUrl is { } url)
            spec["nonResourceAttributes"] = new JsonObject { ["path"] = url, ["verb"] = question.Verb };
        else
            spec["resourceAttributes"] = new JsonObject
            {
                ["namespace"] = question.Namespace,
                ["verb"] = question.Verb,
                ["group"] = question.Group,
                ["resource"] = question.Resource,
                ["subresource"] = question.Subresource,
                ["name"] = question.Name,
            };
        var status = await CreateAsync("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", "authorization.k8s.io/v1", "SelfSubjectAccessReview", spec, cancel)
            .ConfigureAwait(false);
        return new AccessAnswer(question, status?["allowed"]?.GetValue<bool>() == true,
            status?["reason"]?.GetValue<string>() ?? "", status?["evaluationError"]?.GetValue<string>() ?? "");
    }

    /// <summary>
    /// kubectl auth can-i --list in <paramref name="ns"/>: each rule broken down to one group, resource and
    /// resource name (or one URL) per row, rows of the same resource merged, sorted as kubectl sorts them.
    /// </summary>
    public async Task<IReadOnlyList<AccessRule>> RulesAsync(string ns, CancellationToken cancel)
    {
        var status = await CreateAsync("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", "authorization.k8s.io/v1", "SelfSubjectRulesReview",
            new JsonObject { ["namespace"] = ns }, cancel).ConfigureAwait(false);
        var rules = new List<PolicyRow>();
        foreach (var rule in Array(status?["resourceRules"]))
        {
            var verbs = Strings(rule?["verbs"]);
            var names = Strings(rule?["resourceNames"]);
            foreach (var group in Strings(rule?["apiGroups"]))
                foreach (var resource in Strings(rule?["resources"]))
                {
                    if (names.Count == 0)
                        rules.Add(new PolicyRow(verbs.ToList(), group, resource, null, null));
                    else
                        rules.AddRange(names.Select(n => new PolicyRow(verbs.ToList(), group, resource, n, null)));
                }
        }
        foreach (var rule in Array(status?["nonResourceRules"]))
        {
            var verbs = Strings(rule?["verbs"]);
            rules.AddRange(Strings(rule?["nonResourceURLs"]).Select(u => new PolicyRow(verbs.ToList(), null, null, null, u)));
        }
        return PolicyRow.Compact(rules).OrderBy(r => r.SortKey, StringComparer.Ordinal).Select(r => r.ToRule()).ToList();
    }

    /// <summary>One broken-down rule: a group and resource (and maybe one name), or one URL.</summary>
    private sealed record PolicyRow(List<string> Verbs, string? Group, string? Resource, string? ResourceName, string? Url)
    {
        /// <summary>Rules of the same group, resource and name differ only by verbs: one row with all of them.</summary>
        public static IEnumerable<PolicyRow> Compact(List<PolicyRow> rows)
        {
            var merged = new Dictionary<(string, string, string), PolicyRow>();
            var result = new List<PolicyRow>();
            foreach (var row in rows)
            {
                if (row.Url is not null)
                {
                    result.Add(row);
                    continue;
                }
                var key = (row.Group!, row.Resource!, row.ResourceName ?? "");
                if (merged.TryGetValue(key, out var existing))
                    existing.Verbs.AddRange(row.Verbs);
                else
                    merged[key] = row;
            }
            return result.Concat(merged.Values);
        }

        /// <summary>kubectl sorts by the rule's Go text form, verbs first.</summary>
        public string SortKey =>
            $"&PolicyRule{{Verbs:[{string.Join(' ', Verbs)}],APIGroups:[{Group}],Resources:[{Resource}],ResourceNames:[{ResourceName}],NonResourceURLs:[{Url}],}}";

        /// <summary>The resource column as kubectl combines it: "resource.group", a subresource after the group.</summary>
        public AccessRule ToRule()
        {
            if (Url is not null)
                return new AccessRule("", [Url], [], Verbs);
            var parts = Resource!.Split('/', 2);
            var combined = parts[0] + (Group!.Length > 0 ? "." + Group : "") + (parts.Length == 2 ? "/" + parts[1] : "");
            return new AccessRule(combined, [], ResourceName is null ? [] : [ResourceName], Verbs);
        }
    }

    public async Task<KubeIdentity> WhoAmIAsync(CancellationToken cancel)
    {
        var status = await CreateAsync("/apis/authentication.k8s.io/v1/selfsubjectreviews", "authentication.k8s.io/v1", "SelfSubjectReview", null, cancel)
            .ConfigureAwait(false);
        var user = status?["userInfo"];
        var extra = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (user?["extra"] is JsonObject extras)
            foreach (var (key, value) in extras)
                extra[key] = Strings(value);
        return new KubeIdentity(user?["username"]?.GetValue<string>() ?? "", user?["uid"]?.GetValue<string>() ?? "", Strings(user?["groups"]), extra);
    }

    private async Task<JsonNode?> CreateAsync(string path, string apiVersion, string kind, JsonObject? spec, CancellationToken cancel)
    {
        var review = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = new JsonObject() };
        if (spec is not null)
            review["spec"] = spec;
        using var response = await api.SendAsync(HttpMethod.Post, path, KubeApi.Json(review.ToJsonString()), cancel).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 })?["status"];
    }

    private static IEnumerable<JsonNode?> Array(JsonNode? node) => node as JsonArray ?? [];

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => n?.GetValue<string>() ?? "").ToList() ?? [];
}
