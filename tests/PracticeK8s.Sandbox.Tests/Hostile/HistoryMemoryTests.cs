using System.Diagnostics;
using System.Net;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PracticeK8s.Sandbox.Tests.Hostile;

/// <summary>
/// Hundreds of rewrites of one large object must not pile up in the server's change history: its
/// memory is measured (VmRSS of the private sandbox process) before, after the patches, and after the delete.
/// Run alone, after the parallel collections: its ~400 MB of traffic neither slows their timed waits nor is
/// slowed (or its figures blurred) by them.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class HistoryMemoryTests(PrivateSandbox sandbox, ITestOutputHelper output) : IClassFixture<PrivateSandbox>
{
    private const int Patches = 400;
    private const int ValueBytes = 1_000_000;
    /// <summary>
    /// Growth allowed: the history's byte budget (64 MiB, counted generously), the live object and the GC's
    /// slack. Measured +33 MiB; before the history had a byte budget the same run grew the server by ~650 MiB.
    /// </summary>
    private const double AllowedGrowthMiB = 160;

    [Fact]
    public async Task FourHundredPatchesOfAOneMegabyteConfigMap_KeepMemoryBounded()
    {
        using var client = sandbox.Server.AdminClient();
        using var http = sandbox.Server.Http(sandbox.Server.AdminToken);
        const string ns = "default", name = "big";
        string Value(int i) => new((char)('a' + i % 26), ValueBytes);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = Value(0) } }, ns);

        async Task Patch(int i)
        {
            var body = $"{{\"data\":{{\"v\":\"{Value(i)}\"}}}}";
            var (code, _, _) = await Raw.Send(http, HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/{name}", body, "application/merge-patch+json");
            Assert.Equal(HttpStatusCode.OK, code);
        }
        for (var i = 1; i <= 10; i++) await Patch(i); // warm: code paths jitted, buffers pooled
        var before = sandbox.ResidentMiB();

        var clock = Stopwatch.StartNew();
        for (var i = 11; i < 11 + Patches; i++) await Patch(i);
        clock.Stop();
        var afterPatches = sandbox.ResidentMiB();

        await client.CoreV1.DeleteNamespacedConfigMapAsync(name, ns);
        await Task.Delay(500);
        var afterDelete = sandbox.ResidentMiB();
        output.WriteLine($"{Patches} patches of a {ValueBytes / 1_000_000} MB ConfigMap in {clock.Elapsed.TotalSeconds:F1} s; server RSS " +
                         $"before {before:F0} MiB, after the patches {afterPatches:F0} MiB, after the delete {afterDelete:F0} MiB");

        Assert.True(afterPatches - before < AllowedGrowthMiB, $"grew {afterPatches - before:F0} MiB during the patches");
        Assert.True(afterDelete - before < AllowedGrowthMiB, $"still {afterDelete - before:F0} MiB above after the delete");
        using var readOnly = sandbox.Server.Http(sandbox.Server.ReadOnlyToken);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync("/version")).StatusCode);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
