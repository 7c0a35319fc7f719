using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Discovery;

/// <summary>
/// The discovery documents, legacy (APIVersions, APIGroupList, APIGroup, APIResourceList) and
/// aggregated (apidiscovery.k8s.io/v2 APIGroupDiscoveryList), built from the registry.
/// </summary>
public sealed class DiscoveryDocuments(ResourceRegistry registry)
{
    private static JsonArray Strings(IEnumerable<string> s) => new(s.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());

    public JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = Strings(new[] { "v1" }),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    private static JsonObject GroupVersion(string group, string version) =>
        new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };

    private static JsonObject Group(string group, IReadOnlyList<string> versions) => new()
    {
        ["name"] = group,
        ["versions"] = new JsonArray(versions.Select(v => (JsonNode?)GroupVersion(group, v)).ToArray()),
        ["preferredVersion"] = GroupVersion(group, versions[0]),
    };

    public JsonObject ApiGroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(registry.Groups.Where(g => g.Group.Length > 0).Select(g => (JsonNode?)Group(g.Group, g.Versions)).ToArray()),
    };

    public JsonObject? ApiGroup(string group)
    {
        var g = registry.Groups.FirstOrDefault(x => x.Group == group);
        if (g.Group is null || group.Length == 0) return null;
        var o = Group(g.Group, g.Versions);
        o["kind"] = "APIGroup";
        o["apiVersion"] = "v1";
        return o;
    }

    public JsonObject? ResourceList(string group, string version)
    {
        var defs = registry.All.Where(d => d.Group == group && d.Version == version).ToList();
        if (defs.Count == 0) return null;
        var resources = new JsonArray();
        foreach (var d in defs.OrderBy(d => d.Plural, StringComparer.Ordinal))
        {
            var r = new JsonObject
            {
                ["name"] = d.Plural,
                ["singularName"] = d.Singular,
                ["namespaced"] = d.Namespaced,
                ["kind"] = d.Kind,
                ["verbs"] = Strings(d.Verbs),
            };
            if (d.ShortNames.Count > 0) r["shortNames"] = Strings(d.ShortNames);
            if (d.Categories.Count > 0) r["categories"] = Strings(d.Categories);
            resources.Add(r);
            foreach (var s in d.Subresources.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                var sr = new JsonObject
                {
                    ["name"] = $"{d.Plural}/{s.Name}",
                    ["singularName"] = "",
                    ["namespaced"] = d.Namespaced,
                };
                if (s.Group is not null) { sr["group"] = s.Group; sr["version"] = s.Version; }
                sr["kind"] = s.Kind;
                sr["verbs"] = Strings(s.Verbs);
                resources.Add(sr);
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>Aggregated discovery: the core group for <c>/api</c>, every other group for <c>/apis</c>.</summary>
    public JsonObject Aggregated(bool core)
    {
        var items = new JsonArray();
        foreach (var (group, versions) in registry.Groups.Where(g => (g.Group.Length == 0) == core))
        {
            var vs = new JsonArray();
            foreach (var v in versions)
            {
                var resources = new JsonArray();
                foreach (var d in registry.All.Where(d => d.Group == group && d.Version == v).OrderBy(d => d.Plural, StringComparer.Ordinal))
                {
                    var r = new JsonObject
                    {
                        ["resource"] = d.Plural,
                        ["responseKind"] = Kind(d.Group, d.Version, d.Kind),
                        ["scope"] = d.Namespaced ? "Namespaced" : "Cluster",
                        ["singularResource"] = d.Singular,
                        ["verbs"] = Strings(d.Verbs),
                    };
                    if (d.ShortNames.Count > 0) r["shortNames"] = Strings(d.ShortNames);
                    if (d.Categories.Count > 0) r["categories"] = Strings(d.Categories);
                    if (d.Subresources.Count > 0)
                        r["subresources"] = new JsonArray(d.Subresources.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => (JsonNode?)new JsonObject
                        {
                            ["subresource"] = s.Name,
                            ["responseKind"] = Kind(s.Group ?? d.Group, s.Version ?? d.Version, s.Kind),
                            ["verbs"] = Strings(s.Verbs),
                        }).ToArray());
                    resources.Add(r);
                }
                vs.Add(new JsonObject { ["version"] = v, ["resources"] = resources, ["freshness"] = "Current" });
            }
            items.Add(new JsonObject { ["metadata"] = new JsonObject { ["name"] = group, ["creationTimestamp"] = null }, ["versions"] = vs });
        }
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static JsonObject Kind(string group, string version, string kind) =>
        new() { ["group"] = group, ["version"] = version, ["kind"] = kind };
}
