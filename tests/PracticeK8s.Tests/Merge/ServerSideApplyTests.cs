using System.Text.Json.Nodes;
using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>Server-side apply: merging, ownership, conflicts, force, pruning, and the interplay with client-side apply.</summary>
public class ServerSideApplyTests
{
    private static readonly DateTimeOffset T1 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(1);
    private static readonly DateTimeOffset T3 = T1.AddMinutes(2);

    private const string Config =
        "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},'spec':{'replicas':2," +
        "'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},'spec':{" +
        "'containers':[{'name':'web','image':'nginx:1.25','ports':[{'containerPort':80}]}]}}}}";

    [Fact]
    public void ApplyingToNothingCreatesTheObjectOwnedByTheApplier()
    {
        var result = Apply(null, Config, "kubectl", T1);

        Assert.True(result.Succeeded);
        Assert.True(result.Changed);
        Assert.Equal(2, result.Object!["spec"]!["replicas"]!.GetValue<int>());
        Json.Exact(
            "[{'manager':'kubectl','operation':'Apply','apiVersion':'apps/v1','time':'2025-03-01T10:00:00Z','fieldsType':'FieldsV1','fieldsV1':{" +
            "'f:metadata':{'f:labels':{'f:app':{}}},'f:spec':{'f:replicas':{},'f:selector':{},'f:template':{'f:metadata':{'f:labels':{'f:app':{}}}," +
            "'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:image':{},'f:name':{},'f:ports':{'k:{\\'containerPort\\':80,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:containerPort':{}}}}}}}}}}]",
            result.ManagedFields);
        Json.Equal(result.ManagedFields, result.Object["metadata"]!["managedFields"]);
    }

    [Fact]
    public void ReapplyingTheSameConfigChangesNothingAndKeepsTheTime()
    {
        var first = Apply(null, Config, "kubectl", T1);
        var second = Apply(first.Object, Config, "kubectl", T2);

        Assert.True(second.Succeeded);
        Assert.False(second.Changed);
        Json.Equal(first.Object, second.Object);
        Assert.Equal("2025-03-01T10:00:00Z", second.ManagedFields![0]!["time"]!.GetValue<string>());
    }

    [Fact]
    public void ChangingAFieldAnotherManagerOwnsIsAConflict()
    {
        var live = Apply(null, Config, "kubectl", T1).Object!;
        live = Scale(live, 5, "kubectl-scale", T2);

        var result = Apply(live, Config, "kubectl", T3);

        Assert.False(result.Succeeded);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(".spec.replicas", conflict.Field);
        Assert.Equal("\"kubectl-scale\" using apps/v1", conflict.Manager);
        Assert.Equal("conflict with \"kubectl-scale\" using apps/v1", conflict.CauseMessage);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-scale\" using apps/v1: .spec.replicas", result.ConflictMessage);
        Assert.Equal(PatchErrorKind.Conflict, Json.Throws(() => result.ObjectOrThrow()).Kind);
    }

    [Fact]
    public void ForceTakesOwnershipAndTheLoserDisappearsWhenLeftWithNothing()
    {
        var live = Apply(null, Config, "kubectl", T1).Object!;
        live = Scale(live, 5, "kubectl-scale", T2);

        var result = Apply(live, Config, "kubectl", T3, force: true);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Object!["spec"]!["replicas"]!.GetValue<int>());
        var entry = Assert.Single(ManagedFieldsUpdaterTests.Entries(result.ManagedFields!));
        Assert.Equal("kubectl", entry.Manager);
        Assert.True(entry.Fields.Contains(FieldPath.OfFields("spec", "replicas")));
    }

    [Fact]
    public void ApplyingTheCurrentValueSharesOwnershipWithoutConflict()
    {
        var live = Apply(null, Config, "kubectl", T1).Object!;
        var other = Apply(live, "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':2}}", "hpa-tool", T2);

        Assert.True(other.Succeeded);
        var owners = ManagedFieldsUpdaterTests.Entries(other.ManagedFields!);
        Assert.All(owners, o => Assert.True(o.Fields.Contains(FieldPath.OfFields("spec", "replicas"))));
        Assert.Equal(["hpa-tool", "kubectl"], owners.Select(o => o.Manager).Order());
    }

    [Fact]
    public void SeveralConflictsAreListedByManager()
    {
        var live = Apply(null, Config, "kubectl", T1).Object!;
        live = Apply(live, "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},'spec':{'replicas':2}}", "other", T2).Object!;

        var result = Apply(live, "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'api'}},'spec':{'replicas':3}}", "third", T3);

        Assert.Equal(4, result.Conflicts.Count);
        Assert.Equal(
            "Apply failed with 4 conflicts: conflicts with \"kubectl\":\n- .metadata.labels.app\n- .spec.replicas\nconflicts with \"other\":\n- .metadata.labels.app\n- .spec.replicas",
            result.ConflictMessage);
    }

    [Fact]
    public void FieldsTheApplierDropsAreRemovedUnlessSomeoneElseOwnsThem()
    {
        var live = Apply(null, "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'a':'1','b':'2','c':'3'}},'data':{'x':'1','y':'2'}}", "kubectl", T1).Object!;
        live = Apply(live, "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'b':'2'}}}", "other", T2).Object!;

        var result = Apply(live, "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'a':'1'}},'data':{'x':'1'}}", "kubectl", T3);

        Assert.True(result.Succeeded);
        Json.Equal("{'a':'1','b':'2'}", result.Object!["metadata"]!["labels"]);
        Json.Equal("{'x':'1'}", result.Object["data"]);
    }

    [Fact]
    public void FieldsSetByOthersAreNeverPrunedByAnApplier()
    {
        var live = Apply(null, "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'x':'1'}}", "kubectl", T1).Object!;
        var edited = (JsonObject)live.DeepClone();
        edited["data"]!["z"] = "9";
        edited["metadata"]!["managedFields"] = ManagedFieldsUpdater.Update(live, edited, "kubectl-edit", "Update", "v1", T2);

        var result = Apply(edited, "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'y':'2'}}", "kubectl", T3);

        Json.Equal("{'y':'2','z':'9'}", result.Object!["data"]);
    }

    [Fact]
    public void ListMapsMergeByKeyAndKeepOtherManagersElements()
    {
        var live = Apply(null, Config, "kubectl", T1).Object!;
        live = Apply(live, "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'template':{'spec':{'containers':[{'name':'sidecar','image':'envoy'}]}}}}", "mesh", T2).Object!;

        var updated = Config.Replace("nginx:1.25", "nginx:1.26");
        var result = Apply(live, updated, "kubectl", T3);

        Assert.True(result.Succeeded);
        Json.Equal(
            "[{'name':'web','image':'nginx:1.26','ports':[{'containerPort':80}]},{'name':'sidecar','image':'envoy'}]",
            result.Object!["spec"]!["template"]!["spec"]!["containers"]);
    }

    [Fact]
    public void ElementsTheApplierDropsAreRemoved()
    {
        var twoContainers = Config.Replace("'ports':[{'containerPort':80}]}]", "'ports':[{'containerPort':80}]},{'name':'log','image':'busybox'}]");
        var live = Apply(null, twoContainers, "kubectl", T1).Object!;

        var result = Apply(live, Config, "kubectl", T2);

        var containers = result.Object!["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["web"], containers.Select(c => c!["name"]!.GetValue<string>()));
        var entry = Assert.Single(ManagedFieldsUpdaterTests.Entries(result.ManagedFields!));
        Assert.DoesNotContain(entry.Fields.Members, p => p.ToString().Contains("log"));
    }

    [Fact]
    public void SetsAreUnionsAndAtomicListsAreReplaced()
    {
        var live = Apply(null, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','finalizers':['a']},'spec':{'containers':[{'name':'c','image':'i','args':['1','2']}]}}", "one", T1).Object!;

        var result = Apply(live, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','finalizers':['b']},'spec':{'containers':[{'name':'c','args':['3']}]}}", "two", T2, force: true);

        Json.Equal("['a','b']", result.Object!["metadata"]!["finalizers"]);
        Json.Equal("['3']", result.Object["spec"]!["containers"]![0]!["args"]);
        var two = ManagedFieldsUpdaterTests.Entries(result.ManagedFields!).Single(e => e.Manager == "two");
        Assert.Contains(two.Fields.Members, p => p.ToString() == ".metadata.finalizers[=\"b\"]");
    }

    [Fact]
    public void ClientSideApplyOwnershipBlocksAnotherServerSideApplier()
    {
        var live = ClientSideApplied(Config);

        var result = Apply(live, Config.Replace("'replicas':2", "'replicas':4"), "ci-pipeline", T2);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas", result.ConflictMessage);
        Assert.Equal(".spec.replicas", conflict.Field);
    }

    [Fact]
    public void KubectlServerSideApplyMayTakeOverWhatClientSideApplyLastApplied()
    {
        var live = ClientSideApplied(Config);

        var result = Apply(live, Config.Replace("'replicas':2", "'replicas':4"), "kubectl", T2);

        Assert.True(result.Succeeded);
        Assert.Equal(4, result.Object!["spec"]!["replicas"]!.GetValue<int>());
        var csa = ManagedFieldsUpdaterTests.Entries(result.ManagedFields!).Single(e => e.Manager == "kubectl-client-side-apply");
        Assert.False(csa.Fields.Contains(FieldPath.OfFields("spec", "replicas")));
    }

    [Fact]
    public void KubectlCannotTakeOverFieldsThatDriftedFromTheLastAppliedConfiguration()
    {
        var live = ClientSideApplied(Config);
        live = Scale(live, 7, "kubectl-client-side-apply", T2); // same manager, value no longer the last-applied one

        var result = Apply(live, Config.Replace("'replicas':2", "'replicas':4"), "kubectl", T3);

        Assert.Equal(".spec.replicas", Assert.Single(result.Conflicts).Field);
    }

    [Fact]
    public void MissingPortProtocolKeysDefaultToTcp()
    {
        var live = Apply(null, "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'},'spec':{'ports':[{'port':80,'protocol':'TCP','targetPort':8080}]}}", "a", T1).Object!;

        var result = Apply(live, "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'},'spec':{'ports':[{'port':80,'targetPort':9090}]}}", "b", T2, force: true);

        Json.Equal("[{'port':80,'protocol':'TCP','targetPort':9090}]", result.Object!["spec"]!["ports"]);
        var b = ManagedFieldsUpdaterTests.Entries(result.ManagedFields!).Single(e => e.Manager == "b");
        Assert.Contains(b.Fields.Members, p => p.ToString() == ".spec.ports[port=80,protocol=\"TCP\"].targetPort");
    }

    [Fact]
    public void AFieldTheApplierStopsSendingIsRemovedEvenInsideAKeptElement()
    {
        var live = Apply(null, "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'},'spec':{'ports':[{'port':80,'protocol':'TCP','name':'http'}]}}", "a", T1).Object!;

        var result = Apply(live, "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'},'spec':{'ports':[{'port':80}]}}", "a", T2);

        Json.Equal("[{'port':80}]", result.Object!["spec"]!["ports"]);
    }

    [Fact]
    public void StatusIsNotAppliedThroughTheMainResource()
    {
        var result = Apply(null, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'i'}]},'status':{'phase':'Running'}}", "a", T1);
        var entry = Assert.Single(ManagedFieldsUpdaterTests.Entries(result.ManagedFields!));
        Assert.DoesNotContain(entry.Fields.Members, p => p.ToString().StartsWith(".status", StringComparison.Ordinal));
    }

    [Fact]
    public void CustomResourcesMergeMapsAndReplaceLists()
    {
        var live = Apply(null, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},'spec':{'size':1,'tags':['a','b']}}", "a", T1).Object!;
        var conflicted = Apply(live, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},'spec':{'color':'red','tags':['c']}}", "b", T2);
        var result = Apply(live, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},'spec':{'color':'red','tags':['c']}}", "b", T2, force: true);

        Assert.Equal(".spec.tags", Assert.Single(conflicted.Conflicts).Field); // the whole list is one field
        Json.Equal("{'size':1,'tags':['c'],'color':'red'}", result.Object!["spec"]);
        var entries = ManagedFieldsUpdaterTests.Entries(result.ManagedFields!);
        // Without a schema every map key is owned in its own right (Kubernetes' deduced schema).
        Json.Exact("{'f:spec':{'.':{},'f:color':{},'f:tags':{}}}", entries.Single(e => e.Manager == "b").Fields.ToFieldsV1());
        Json.Exact("{'f:spec':{'.':{},'f:size':{}}}", entries.Single(e => e.Manager == "a").Fields.ToFieldsV1());
    }

    [Fact]
    public void ManagedFieldsCannotBeApplied()
    {
        var error = Json.Throws(() => Apply(null, "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','managedFields':[]}}", "a", T1));
        Assert.Equal(PatchErrorKind.BadRequest, error.Kind);
    }

    private static ServerSideApplyResult Apply(JsonNode? live, string config, string manager, DateTimeOffset time, bool force = false)
    {
        var configuration = Json.Parse(config)!;
        return ServerSideApply.Apply(live, configuration, manager, force, configuration["apiVersion"]!.GetValue<string>(), configuration["kind"]!.GetValue<string>(), time);
    }

    /// <summary>An Update (e.g. <c>kubectl scale</c>) that sets the replicas.</summary>
    private static JsonObject Scale(JsonObject live, int replicas, string manager, DateTimeOffset time)
    {
        var scaled = (JsonObject)live.DeepClone();
        scaled["spec"]!["replicas"] = replicas;
        scaled["metadata"]!["managedFields"] = ManagedFieldsUpdater.Update(live, scaled, manager, "Update", "apps/v1", time);
        return scaled;
    }

    /// <summary>What <c>kubectl apply</c> (client-side) creates: the config plus its last-applied annotation, owned by an Update entry.</summary>
    private static JsonObject ClientSideApplied(string config)
    {
        var created = Json.Obj(config);
        var annotation = Json.Obj(config).ToJsonString();
        created["metadata"]!["annotations"] = new JsonObject { [ServerSideApply.LastAppliedAnnotation] = annotation };
        created["metadata"]!["managedFields"] = ManagedFieldsUpdater.Update(null, created, "kubectl-client-side-apply", "Update", "apps/v1", T1);
        return created;
    }
}
