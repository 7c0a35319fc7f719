using System.Diagnostics;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources.Validation;
using PracticeK8s.Sandbox.Tests.Hostile;

namespace PracticeK8s.Sandbox.Tests.Units;

/// <summary>The YAML converter's depth and alias budgets, its conversions, and the volume mount path rules.</summary>
public sealed class BodyLimitsUnitTests
{
    [Fact]
    public void Yaml_ConvertsScalarsCollectionsAndAnchorsAsBefore()
    {
        var node = YamlToJson.Convert("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c, labels: &l {app: web}}
            spec:
              n: 3
              f: 1.5
              hex: 0x1F
              yes: true
              none: ~
              quoted: "3"
              str: !!str 4
              list: [a, 'b', 2]
              again: *l
            ---
            ignored: second document
            """)!.AsObject();
        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"app":"web"}},"spec":{"n":3,"f":1.5,"hex":31,"yes":true,"none":null,"quoted":"3","str":"4","list":["a","b",2],"again":{"app":"web"}}}""",
            node.ToJsonString());
        Assert.Null(YamlToJson.Convert(""));
    }

    [Fact]
    public void Yaml_NestingPastTheLimit_IsABadRequest_WithoutRecursion()
    {
        Assert.NotNull(YamlToJson.Convert(HostileBodies.NestedArrays(BodyLimits.MaxDepth)));
        foreach (var depth in new[] { BodyLimits.MaxDepth + 1, 100_000 })
        {
            var e = Assert.Throws<ApiException>(() => YamlToJson.Convert("a: " + HostileBodies.NestedArrays(depth)));
            Assert.Equal(400, e.Code);
            Assert.Contains($"exceeded max depth of {BodyLimits.MaxDepth}", e.Message);
        }
        var block = string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i) + "k:\n"));
        Assert.Contains("exceeded max depth", Assert.Throws<ApiException>(() => YamlToJson.Convert(block)).Message);
    }

    [Fact]
    public void Yaml_AliasBomb_SmallIsExpanded_LargeIsRefusedQuickly()
    {
        var small = YamlToJson.Convert(HostileBodies.AliasBomb(3))!;
        Assert.Equal(1000, small["a3"]!.AsArray().SelectMany(x => x!.AsArray()).SelectMany(x => x!.AsArray()).Count());
        foreach (var levels in new[] { 7, 9 })
        {
            var clock = Stopwatch.StartNew();
            var e = Assert.Throws<ApiException>(() => YamlToJson.Convert(HostileBodies.AliasBomb(levels)));
            Assert.Equal(400, e.Code);
            Assert.Contains("excessive aliasing", e.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"10^{levels} took {clock.Elapsed}");
        }
    }

    [Theory]
    [InlineData("a: *nowhere", "unknown anchor")]
    [InlineData("a: &x [*x]", "unknown anchor")]
    [InlineData("a: 1\na: 2", "already set in map")]
    [InlineData("? [k]\n: v", "mapping keys must be scalars")]
    [InlineData("a: [", "error converting YAML to JSON")]
    public void Yaml_MalformedDocuments_AreBadRequests(string yaml, string expected)
    {
        var e = Assert.Throws<ApiException>(() => YamlToJson.Convert(yaml));
        Assert.Equal(400, e.Code);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Json_NestingPastTheLimit_IsABadRequest()
    {
        Assert.NotNull(RequestBody.ParseJson(HostileBodies.NestedArrays(BodyLimits.MaxDepth)));
        var e = Assert.Throws<ApiException>(() => RequestBody.ParseJson("{\"a\":" + HostileBodies.NestedArrays(100_000) + "}"));
        Assert.Equal(400, e.Code);
        Assert.Contains("depth", e.Message);
    }

    [Theory]
    [InlineData("../..", null, "spec.containers[0].volumeMounts[0].subPath: Invalid value: \"../..\": must not contain '..'")]
    [InlineData("a/../../b", null, "spec.containers[0].volumeMounts[0].subPath: Invalid value: \"a/../../b\": must not contain '..'")]
    [InlineData("/etc", null, "spec.containers[0].volumeMounts[0].subPath: Invalid value: \"/etc\": must be a relative path")]
    [InlineData(null, "$(POD)/..", "spec.containers[0].volumeMounts[0].subPathExpr: Invalid value: \"$(POD)/..\": must not contain '..'")]
    [InlineData("conf/app..d", null, null)]
    [InlineData(null, "$(POD_NAME)", null)]
    public void VolumeMount_SubPath_MustDescend(string? subPath, string? subPathExpr, string? expected)
    {
        var mount = new JsonObject { ["name"] = "v", ["mountPath"] = "/data" };
        if (subPath is not null) mount["subPath"] = subPath;
        if (subPathExpr is not null) mount["subPathExpr"] = subPathExpr;
        var errors = new FieldErrors();
        VolumeMountPaths.Check(new JsonArray(mount), "spec.containers[0].volumeMounts", errors);
        if (expected is null) Assert.False(errors.Any);
        else Assert.Equal(expected, Assert.Single(errors.Causes) is var c ? $"{c.Field}: {c.Message}" : "");
    }
}
