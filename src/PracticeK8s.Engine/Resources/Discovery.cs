using System.Text.Json;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Resources;

/// <summary>
/// What the server serves, read from /api/v1 and /apis/&lt;group&gt;/&lt;preferred version&gt; like kubectl's
/// legacy discovery, cached per connection for a few minutes; resolves kubectl-style names
/// ("pods", "po", "pod", "Pod", "deployments.apps", "deploy", "all").
/// </summary>
public sealed class Discovery
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(5);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KubeConnection, Discovery> s_byConnection = new();

    private readonly KubeConnection _connection;
    private Task<IReadOnlyList<ResourceKind>>? _resources;
    private DateTime _fetched;
    private readonly object _gate = new();

    private Discovery(KubeConnection connection) => _connection = connection;

    public static Discovery For(KubeConnection connection) => s_byConnection.GetValue(connection, c => new Discovery(c));

    public Task<IReadOnlyList<ResourceKind>> ResourcesAsync(CancellationToken cancel, bool refresh = false)
    {
        lock (_gate)
        {
            if (refresh || _resources is null || _resources.IsFaulted || _resources.IsCanceled || DateTime.UtcNow - _fetched > s_lifetime)
            {
                _fetched = DateTime.UtcNow;
                _resources = FetchAsync(cancel);
            }
            return _resources;
        }
    }

    /// <summary>Resolves one name; an unknown name refreshes discovery once (a CRD may be new), then fails like kubectl.</summary>
    public async Task<IReadOnlyList<ResourceKind>> ResolveAsync(string name, CancellationToken cancel)
    {
        var found = Match(await ResourcesAsync(cancel).ConfigureAwait(false), name);
        if (found.Count == 0)
            found = Match(await ResourcesAsync(cancel, refresh: true).ConfigureAwait(false), name);
        if (found.Count == 0)
        {
            throw new KubeException($"the server doesn't have a resource type \"{name}\"", "KubeResourceTypeNotFound",
                System.Management.Automation.ErrorCategory.ObjectNotFound, name,
                recommendedAction: "Get-KubeResource -Kind <tab> lists the kinds the server serves.");
        }
        return found;
    }

    /// <summary>The resource of an object's apiVersion and kind (built-ins without a round trip; others through discovery).</summary>
    public async Task<ResourceKind> ForObjectAsync(string apiVersion, string kind, CancellationToken cancel)
    {
        var builtin = KindCatalog.All.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind);
        if (builtin is not null)
            return builtin;
        var match = (await ResourcesAsync(cancel).ConfigureAwait(false)).FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind)
            ?? (await ResourcesAsync(cancel, refresh: true).ConfigureAwait(false)).FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind);
        return match ?? throw new KubeException(
            $"resource mapping not found for kind \"{kind}\" in version \"{apiVersion}\"; ensure CRDs are installed first",
            "KubeResourceTypeNotFound", System.Management.Automation.ErrorCategory.ObjectNotFound, $"{apiVersion}/{kind}");
    }

    /// <summary>kubectl's matching: a category (all), else plural, singular, short name or kind, optionally ".group"-qualified.</summary>
    public static IReadOnlyList<ResourceKind> Match(IReadOnlyList<ResourceKind> resources, string name)
    {
        var byCategory = resources.Where(r => r.Categories.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (byCategory.Count > 0)
            return byCategory;
        string resource = name, group = "";
        var dot = name.IndexOf('.');
        if (dot > 0)
        {
            resource = name[..dot];
            group = name[(dot + 1)..];
        }
        bool Named(ResourceKind r) =>
            r.Plural.Equals(resource, StringComparison.OrdinalIgnoreCase)
            || r.Singular.Equals(resource, StringComparison.OrdinalIgnoreCase)
            || r.Kind.Equals(resource, StringComparison.OrdinalIgnoreCase)
            || r.ShortNames.Contains(resource, StringComparer.OrdinalIgnoreCase);
        var matches = resources.Where(r => Named(r) && (group.Length == 0 || r.Group.Equals(group, StringComparison.OrdinalIgnoreCase)
            || r.Group.StartsWith(group + ".", StringComparison.OrdinalIgnoreCase))).ToList();
        if (matches.Count == 0 && dot > 0)
            matches = resources.Where(r => r.Plural.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        // Prefer the core group, then the first group in discovery order, as kubectl does for ambiguous names.
        return matches.Take(1).ToList();
    }

    /// <summary>Every group/version served (not only the preferred ones), sorted as kubectl api-versions prints them.</summary>
    public async Task<IReadOnlyList<string>> GroupVersionsAsync(CancellationToken cancel)
    {
        var api = _connection.Api;
        var versions = new List<string>();
        using (var core = JsonDocument.Parse(await api.GetStringAsync("/api", cancel).ConfigureAwait(false)))
            versions.AddRange(Strings(core.RootElement, "versions"));
        using (var groups = JsonDocument.Parse(await api.GetStringAsync("/apis", cancel).ConfigureAwait(false)))
        {
            if (groups.RootElement.TryGetProperty("groups", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var group in list.EnumerateArray())
                {
                    if (group.TryGetProperty("versions", out var gvs) && gvs.ValueKind == JsonValueKind.Array)
                        versions.AddRange(gvs.EnumerateArray().Select(v => v.TryGetProperty("groupVersion", out var gv) ? gv.GetString() ?? "" : "").Where(v => v.Length > 0));
                }
            }
        }
        return versions.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyList<ResourceKind>> FetchAsync(CancellationToken cancel)
    {
        var api = _connection.Api;
        // Every version of every group, the preferred one first: a resource served only in another version
        // (the Gateway API's ReferenceGrant in v1beta1) is found there, as kubectl's preferred-resources discovery does.
        var groupVersions = new List<string> { "v1" };
        using (var groups = JsonDocument.Parse(await api.GetStringAsync("/apis", cancel).ConfigureAwait(false)))
        {
            if (groups.RootElement.TryGetProperty("groups", out var list))
            {
                foreach (var group in list.EnumerateArray())
                {
                    var preferred = group.TryGetProperty("preferredVersion", out var p) && p.TryGetProperty("groupVersion", out var gv) ? gv.GetString() : null;
                    if (preferred is not null)
                        groupVersions.Add(preferred);
                    if (group.TryGetProperty("versions", out var versions) && versions.ValueKind == JsonValueKind.Array)
                        groupVersions.AddRange(versions.EnumerateArray()
                            .Select(v => v.TryGetProperty("groupVersion", out var other) ? other.GetString() : null)
                            .Where(v => v is not null && v != preferred)!);
                }
            }
        }
        var lists = await Task.WhenAll(groupVersions.Select(async gv =>
        {
            var path = gv == "v1" ? "/api/v1" : $"/apis/{gv}";
            try
            {
                return (gv, await api.GetStringAsync(path, cancel).ConfigureAwait(false));
            }
            catch (KubeApiException)
            {
                return (gv, (string?)null);   // a broken aggregated API must not break discovery of the rest
            }
        })).ConfigureAwait(false);

        var result = new List<ResourceKind>();
        var seen = new HashSet<(string Group, string Plural)>();
        foreach (var (groupVersion, json) in lists)
        {
            if (json is null)
                continue;
            var slash = groupVersion.IndexOf('/');
            var group = slash < 0 ? "" : groupVersion[..slash];
            var version = slash < 0 ? groupVersion : groupVersion[(slash + 1)..];
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("resources", out var resources))
                continue;
            foreach (var r in resources.EnumerateArray())
            {
                var plural = r.GetProperty("name").GetString()!;
                if (plural.Contains('/') || !seen.Add((group, plural)))
                    continue;
                result.Add(new ResourceKind(group, version, r.GetProperty("kind").GetString()!, plural,
                    r.TryGetProperty("namespaced", out var ns) && ns.GetBoolean())
                {
                    Singular = r.TryGetProperty("singularName", out var s) && s.GetString() is { Length: > 0 } singular ? singular : r.GetProperty("kind").GetString()!.ToLowerInvariant(),
                    ShortNames = Strings(r, "shortNames"),
                    Categories = Strings(r, "categories"),
                    Verbs = Strings(r, "verbs"),
                });
            }
        }
        return result;
    }

    private static IReadOnlyList<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
            : [];
}
