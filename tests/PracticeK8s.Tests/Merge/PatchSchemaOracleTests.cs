using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;
using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>
/// The hand-written patch table agrees with the upstream Kubernetes 1.32 OpenAPI document: every
/// list/patch/map extension of every covered definition is in the table with the same values, and the
/// table holds nothing the document does not say.
/// </summary>
public class PatchSchemaOracleTests
{
    private static readonly string[] CoveredPrefixes =
    [
        "io.k8s.api.core.v1.",
        "io.k8s.api.apps.v1.",
        "io.k8s.api.batch.v1.",
        "io.k8s.api.networking.v1.",
        "io.k8s.api.policy.v1.",
        "io.k8s.api.storage.v1.",
        "io.k8s.api.coordination.v1.",
        "io.k8s.api.discovery.v1.",
        "io.k8s.api.events.v1.",
        "io.k8s.api.autoscaling.v1.",
        "io.k8s.api.autoscaling.v2.",
        "io.k8s.api.rbac.v1.",
        "io.k8s.api.scheduling.v1.",
        "io.k8s.api.authentication.v1.",
        "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.",
        "io.k8s.apimachinery.pkg.apis.meta.v1.",
    ];

    private static readonly Assembly Models = typeof(V1Pod).Assembly;

    [Fact]
    public void EveryListExtensionOfTheCoveredDefinitionsIsInTheTable()
    {
        var problems = new List<string>();
        var checkedLists = 0;
        foreach (var (definition, modelType, schema) in CoveredDefinitions())
        {
            foreach (var (property, node) in Properties(schema))
            {
                var listType = Text(node, "x-kubernetes-list-type");
                var mergeKey = Text(node, "x-kubernetes-patch-merge-key");
                var strategy = Text(node, "x-kubernetes-patch-strategy");
                var mapKeys = (node["x-kubernetes-list-map-keys"] as JsonArray)?.Select(k => k!.GetValue<string>()).ToArray() ?? [];
                var isArray = Text(node, "type") == "array";
                if (listType is null && mergeKey is null && mapKeys.Length == 0 && !(isArray && strategy is not null))
                {
                    continue;
                }

                checkedLists++;
                var expected = new ListSemantics(mergeKey, strategy, listType ?? "atomic", mapKeys);
                if (modelType is null)
                {
                    problems.Add($"{definition}.{property}: no KubernetesClient model class");
                }
                else if (!PatchSchema.Lists.TryGetValue((modelType.Name, property), out var actual))
                {
                    problems.Add($"{modelType.Name}.{property}: missing, upstream says {expected}");
                }
                else if (!actual.Equals(expected))
                {
                    problems.Add($"{modelType.Name}.{property}: table says {actual}, upstream says {expected}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedLists > 150, $"only {checkedLists} list properties were checked");
    }

    [Fact]
    public void EveryFieldStrategyAndMapTypeIsInTheTable()
    {
        var problems = new List<string>();
        var expectedStrategies = 0;
        var expectedMapTypes = 0;
        var expectedAtomicTypes = 0;
        foreach (var (definition, modelType, schema) in CoveredDefinitions())
        {
            var name = modelType?.Name ?? definition;
            if (Text(schema, "x-kubernetes-map-type") is { } typeMapType)
            {
                Assert.Equal("atomic", typeMapType);
                expectedAtomicTypes++;
                if (!PatchSchema.AtomicTypes.Contains(name))
                {
                    problems.Add($"{name}: missing from the atomic types");
                }
            }

            foreach (var (property, node) in Properties(schema))
            {
                if (Text(node, "type") != "array" && Text(node, "x-kubernetes-patch-strategy") is { } strategy)
                {
                    expectedStrategies++;
                    if (!PatchSchema.FieldStrategies.TryGetValue((name, property), out var actual) || actual != strategy)
                    {
                        problems.Add($"{name}.{property}: strategy {actual ?? "missing"}, upstream {strategy}");
                    }
                }

                if (Text(node, "x-kubernetes-map-type") is { } mapType)
                {
                    expectedMapTypes++;
                    if (!PatchSchema.FieldMapTypes.TryGetValue((name, property), out var actual) || actual != mapType)
                    {
                        problems.Add($"{name}.{property}: map type {actual ?? "missing"}, upstream {mapType}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(expectedStrategies, PatchSchema.FieldStrategies.Count);
        Assert.Equal(expectedMapTypes, PatchSchema.FieldMapTypes.Count);
        Assert.Equal(expectedAtomicTypes, PatchSchema.AtomicTypes.Count);
    }

    [Fact]
    public void TheTableSaysNothingTheDocumentDoesNot()
    {
        var byModel = CoveredDefinitions()
            .Where(d => d.ModelType is not null)
            .ToDictionary(d => d.ModelType!.Name, d => d.Schema);
        var problems = new List<string>();
        foreach (var ((model, property), semantics) in PatchSchema.Lists)
        {
            if (!byModel.TryGetValue(model, out var schema))
            {
                problems.Add($"{model}: not a covered upstream definition");
                continue;
            }

            var node = schema["properties"]?[property] as JsonObject;
            if (node is null)
            {
                problems.Add($"{model}.{property}: no such upstream property");
            }
            else if (Text(node, "x-kubernetes-list-type") is null && Text(node, "x-kubernetes-patch-merge-key") is null && node["x-kubernetes-list-map-keys"] is null)
            {
                problems.Add($"{model}.{property}: upstream has no list metadata, table says {semantics}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryTableEntryNamesARealModelProperty()
    {
        var keys = PatchSchema.Lists.Keys
            .Concat(PatchSchema.FieldStrategies.Keys)
            .Concat(PatchSchema.FieldMapTypes.Keys);
        foreach (var (model, property) in keys)
        {
            var type = Models.GetType("k8s.Models." + model);
            Assert.True(type is not null, $"no model class {model}");
            Assert.Contains(type!.GetProperties(), p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == property);
        }

        foreach (var model in PatchSchema.AtomicTypes)
        {
            Assert.True(Models.GetType("k8s.Models." + model) is not null, $"no model class {model}");
        }
    }

    /// <summary>The covered upstream definitions with the KubernetesClient class generated from each.</summary>
    private static IEnumerable<(string Definition, Type? ModelType, JsonObject Schema)> CoveredDefinitions()
    {
        foreach (var (definition, schema) in OpenApiOracle.Definitions)
        {
            if (CoveredPrefixes.Any(p => definition.StartsWith(p, StringComparison.Ordinal)))
            {
                yield return (definition, ModelClassOf(definition), (JsonObject)schema!);
            }
        }
    }

    /// <summary>
    /// KubernetesClient names a definition <c>V1PodSpec</c>, or <c>Corev1EndpointPort</c> when two groups
    /// define the same name.
    /// </summary>
    private static Type? ModelClassOf(string definition)
    {
        var parts = definition.Split('.');
        var name = parts[^1];
        var version = parts[^2];
        var group = parts[^3];
        var qualified = Models.GetType($"k8s.Models.{char.ToUpperInvariant(group[0])}{group[1..]}{version}{name}");
        return qualified ?? Models.GetType($"k8s.Models.{char.ToUpperInvariant(version[0])}{version[1..]}{name}");
    }

    private static IEnumerable<(string Name, JsonObject Node)> Properties(JsonObject schema) =>
        (schema["properties"] as JsonObject ?? []).Select(p => (p.Key, (JsonObject)p.Value!));

    private static string? Text(JsonObject node, string key) =>
        node.TryGetPropertyValue(key, out var value) && value is JsonValue v ? v.GetValue<string>() : null;
}
