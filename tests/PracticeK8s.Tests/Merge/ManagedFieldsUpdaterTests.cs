using System.Text.Json.Nodes;
using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>managedFields tracking of create, update and patch writes.</summary>
public class ManagedFieldsUpdaterTests
{
    private static readonly DateTimeOffset T1 = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(5);

    private const string Deployment =
        "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'default','labels':{'app':'web'},'annotations':{'a':'b'}}," +
        "'spec':{'replicas':1,'selector':{'matchLabels':{'app':'web'}},'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%'}}," +
        "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'web','image':'nginx','ports':[{'containerPort':80,'protocol':'TCP'}]}]}}}}";

    [Fact]
    public void CreateRecordsEveryFieldInTheShapeOfARealServer()
    {
        var managed = ManagedFieldsUpdater.Update(null, Json.Parse(Deployment)!, "kubectl-client-side-apply", "Update", "apps/v1", T1);

        Json.Exact(
            "[{'manager':'kubectl-client-side-apply','operation':'Update','apiVersion':'apps/v1','time':'2025-01-02T03:04:05Z','fieldsType':'FieldsV1','fieldsV1':" +
            "{'f:metadata':{'f:annotations':{'.':{},'f:a':{}},'f:labels':{'.':{},'f:app':{}}},'f:spec':{'f:replicas':{},'f:selector':{}," +
            "'f:strategy':{'f:rollingUpdate':{'.':{},'f:maxSurge':{}},'f:type':{}},'f:template':{'f:metadata':{'f:labels':{'.':{},'f:app':{}}},'f:spec':{'f:containers':{" +
            "'k:{\\'name\\':\\'web\\'}':{'.':{},'f:image':{},'f:name':{},'f:ports':{'.':{},'k:{\\'containerPort\\':80,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:containerPort':{},'f:protocol':{}}}}}}}}}}]",
            managed);
    }

    [Fact]
    public void AnUpdateTakesTheChangedFieldsFromTheirOwner()
    {
        var created = WithManagedFields(Json.Obj(Deployment), ManagedFieldsUpdater.Update(null, Json.Parse(Deployment)!, "kubectl-client-side-apply", "Update", "apps/v1", T1));
        var scaled = (JsonObject)created.DeepClone();
        scaled["spec"]!["replicas"] = 3;

        var managed = ManagedFieldsUpdater.Update(created, scaled, "kubectl-scale", "Update", "apps/v1", T2);

        var owners = Entries(managed);
        Assert.Equal(["kubectl-client-side-apply", "kubectl-scale"], owners.Select(o => o.Manager));
        Assert.False(owners[0].Fields.Contains(FieldPath.OfFields("spec", "replicas")));
        Assert.True(owners[0].Fields.Contains(FieldPath.OfFields("spec", "selector")));
        Json.Exact("{'f:spec':{'f:replicas':{}}}", owners[1].Fields.ToFieldsV1());
        Assert.Equal(T2, owners[1].Time);
        Assert.Equal(T1, owners[0].Time);
    }

    [Fact]
    public void RemovedFieldsAreLostByTheirOwnerAndEmptyOwnersDisappear()
    {
        var live = Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'x':'1'}},'data':{'k':'v'}}");
        live = WithManagedFields(live, ManagedFieldsUpdater.Update(null, live, "creator", "Update", "v1", T1));
        var labelled = (JsonObject)live.DeepClone();
        labelled["metadata"]!["labels"]!["y"] = "2";
        labelled = WithManagedFields(labelled, ManagedFieldsUpdater.Update(live, labelled, "kubectl-label", "Update", "v1", T2));
        var unlabelled = (JsonObject)labelled.DeepClone();
        ((JsonObject)unlabelled["metadata"]!["labels"]!).Remove("y");

        var managed = ManagedFieldsUpdater.Update(labelled, unlabelled, "kubectl-edit", "Update", "v1", T2.AddMinutes(1));

        Assert.Equal(["creator"], Entries(managed).Select(e => e.Manager));
    }

    [Fact]
    public void AWriteThatChangesNothingRecordsNothing()
    {
        var live = Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'k':'v'}}");
        live = WithManagedFields(live, ManagedFieldsUpdater.Update(null, live, "creator", "Update", "v1", T1));

        var managed = ManagedFieldsUpdater.Update(live, live.DeepClone(), "someone", "Update", "v1", T2);

        var entry = Assert.Single(Entries(managed));
        Assert.Equal("creator", entry.Manager);
        Assert.Equal(T1, entry.Time);
    }

    [Fact]
    public void TheSameManagerKeepsOneEntryWithBothWrites()
    {
        var live = Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'a':'1'}}");
        live = WithManagedFields(live, ManagedFieldsUpdater.Update(null, live, "tool", "Update", "v1", T1));
        var more = (JsonObject)live.DeepClone();
        more["data"]!["b"] = "2";

        var entry = Assert.Single(Entries(ManagedFieldsUpdater.Update(live, more, "tool", "Update", "v1", T2)));

        Json.Exact("{'f:data':{'.':{},'f:a':{},'f:b':{}}}", entry.Fields.ToFieldsV1());
        Assert.Equal(T2, entry.Time);
    }

    [Fact]
    public void StatusWritesAreOwnedThroughTheStatusSubresourceOnly()
    {
        var pod = Json.Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'i'}]},'status':{'phase':'Pending'}}");
        var running = (JsonObject)pod.DeepClone();
        running["status"]!["phase"] = "Running";
        running["status"]!["conditions"] = new JsonArray(Json.Parse("{'type':'Ready','status':'True'}"));

        var viaStatus = Entries(ManagedFieldsUpdater.Update(pod, running, "kubelet", "Update", "v1", T1, "status"));
        var viaMain = Entries(ManagedFieldsUpdater.Update(pod, running, "someone", "Update", "v1", T1));

        var entry = Assert.Single(viaStatus);
        Assert.Equal("status", entry.Subresource);
        Json.Exact("{'f:status':{'f:conditions':{'.':{},'k:{\\'type\\':\\'Ready\\'}':{'.':{},'f:status':{},'f:type':{}}},'f:phase':{}}}", entry.Fields.ToFieldsV1());
        Assert.Contains("\"subresource\":\"status\"", entry.ToJson().ToJsonString());
        Assert.Empty(viaMain);
    }

    [Fact]
    public void ManagedFieldsSentWithTheWriteReplaceTheLiveOnes()
    {
        var live = Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'a':'1'}}");
        live = WithManagedFields(live, ManagedFieldsUpdater.Update(null, live, "old-owner", "Update", "v1", T1));
        var reset = (JsonObject)live.DeepClone();
        reset["metadata"]!["managedFields"] = new JsonArray(new ManagedFieldsEntry("new-owner", "Apply", "v1", T1, FieldSet.FromFieldsV1(Json.Obj("{'f:data':{'f:a':{}}}"))).ToJson());

        var entry = Assert.Single(Entries(ManagedFieldsUpdater.Update(live, reset, "migrator", "Update", "v1", T2)));

        Assert.Equal("new-owner", entry.Manager);
        Assert.Equal("Apply", entry.Operation);
    }

    [Fact]
    public void EntriesRoundTripAndSortApplyFirst()
    {
        var entries = new[]
        {
            new ManagedFieldsEntry("b", "Update", "v1", T2, FieldSet.FromFieldsV1(Json.Obj("{'f:data':{'f:x':{}}}"))),
            new ManagedFieldsEntry("a", "Update", "v1", T2, FieldSet.FromFieldsV1(Json.Obj("{'f:data':{'f:y':{}}}"))),
            new ManagedFieldsEntry("z", "Apply", "v1", T2, FieldSet.FromFieldsV1(Json.Obj("{'f:data':{'f:z':{}}}"))),
            new ManagedFieldsEntry("c", "Update", "v1", T1, FieldSet.FromFieldsV1(Json.Obj("{'f:data':{'f:w':{}}}"))),
        };

        var json = ManagedFieldsEntry.ToJsonArray(entries);

        Assert.Equal(["z", "c", "a", "b"], json.Select(e => e!["manager"]!.GetValue<string>()));
        var back = Entries(json);
        Assert.Equal(entries.OrderBy(e => e.Operation).ThenBy(e => e.Time).ThenBy(e => e.Manager).Select(e => e.Fields.ToString()), back.Select(e => e.Fields.ToString()));
        Assert.Equal(json.ToJsonString(), ManagedFieldsEntry.ToJsonArray(back).ToJsonString());
    }

    internal static JsonObject WithManagedFields(JsonObject obj, JsonArray managedFields)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy["metadata"]!["managedFields"] = managedFields.DeepClone();
        return copy;
    }

    internal static List<ManagedFieldsEntry> Entries(JsonArray managedFields) =>
        managedFields.Select(e => ManagedFieldsEntry.FromJson((JsonObject)e!)).ToList();
}
