using System.Text.Json.Nodes;
using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>
/// Patches kubectl computes: two-way (<c>kubectl edit</c>) and three-way (client-side <c>kubectl apply</c>).
/// Each expected patch is checked as text (kubectl sends sorted keys) and by its effect, applied both by
/// <see cref="StrategicMergePatch.Apply"/> and by stock kubectl.
/// </summary>
public class StrategicMergePatchCreateTests
{
    private const string LiveDeployment =
        "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web','team':'a'},'annotations':{'deployment.kubernetes.io/revision':'3'}}," +
        "'spec':{'replicas':5,'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}}," +
        "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[" +
        "{'name':'web','image':'nginx:1.25','ports':[{'containerPort':80,'protocol':'TCP'}],'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}," +
        "{'name':'sidecar','image':'busybox','args':['sleep','1d']}]," +
        "'dnsPolicy':'ClusterFirst'}}}}";

    [Fact]
    public void EditOfAnImageSendsTheContainerAndItsOrder()
    {
        var original = Json.Obj(LiveDeployment);
        var edited = Json.Obj(LiveDeployment);
        edited["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.26";

        var patch = StrategicMergePatch.CreateTwoWay(original, edited, "apps/v1", "Deployment");

        Json.Exact("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'web'},{'name':'sidecar'}],'containers':[{'image':'nginx:1.26','name':'web'}]}}}}", patch);
        AssertEffect(original, patch, edited);
    }

    [Fact]
    public void EditOfIdenticalObjectsIsEmpty()
    {
        Json.Exact("{}", StrategicMergePatch.CreateTwoWay(Json.Obj(LiveDeployment), Json.Obj(LiveDeployment), "apps/v1", "Deployment"));
    }

    [Fact]
    public void EditRemovingAnEnvVariableALabelAndAFinalizerUsesDirectives()
    {
        var original = Json.Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'a':'1','b':'2'},'finalizers':['x','y']},'spec':{'containers':[{'name':'c','image':'i','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}}");
        var edited = Json.Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'a':'1'},'finalizers':['y']},'spec':{'containers':[{'name':'c','image':'i','env':[{'name':'B','value':'2'}]}]}}");

        var patch = StrategicMergePatch.CreateTwoWay(original, edited, "v1", "Pod");

        Json.Exact(
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['x'],'$setElementOrder/finalizers':['y'],'labels':{'b':null}}," +
            "'spec':{'$setElementOrder/containers':[{'name':'c'}],'containers':[{'$setElementOrder/env':[{'name':'B'}],'env':[{'$patch':'delete','name':'A'}],'name':'c'}]}}",
            patch);
        AssertEffect(original, patch, edited);
    }

    [Fact]
    public void EditOfAReplaceStrategyFieldSendsItWhole()
    {
        var original = Json.Obj("{'apiVersion':'policy/v1','kind':'PodDisruptionBudget','metadata':{'name':'b'},'spec':{'minAvailable':1,'selector':{'matchLabels':{'app':'web'}}}}");
        var edited = Json.Obj("{'apiVersion':'policy/v1','kind':'PodDisruptionBudget','metadata':{'name':'b'},'spec':{'minAvailable':2,'selector':{'matchLabels':{'app':'web'}}}}");
        var patch = StrategicMergePatch.CreateTwoWay(original, edited, "policy/v1", "PodDisruptionBudget");
        Json.Exact("{'spec':{'minAvailable':2,'selector':{'matchLabels':{'app':'web'}}}}", patch);
    }

    [Fact]
    public void ApplyDeletesWhatTheConfigNoLongerHasAndKeepsWhatOthersSet()
    {
        // last applied had a label and an env var the new config drops; someone else scaled to 5 and added a label.
        var lastApplied = Json.Obj(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web','old':'x'}},'spec':{'replicas':2," +
            "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'web','image':'nginx:1.25','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}}}}");
        var modified = Json.Obj(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},'spec':{" +
            "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'web','image':'nginx:1.25','env':[{'name':'B','value':'2'}]}]}}}}");
        var current = Json.Obj(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web','old':'x','team':'a'}},'spec':{'replicas':5," +
            "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'web','image':'nginx:1.25','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}}}}");

        var patch = StrategicMergePatch.CreateThreeWay(lastApplied, modified, current, "apps/v1", "Deployment");

        Json.Exact(
            "{'metadata':{'labels':{'old':null}},'spec':{'replicas':null,'template':{'spec':{'$setElementOrder/containers':[{'name':'web'}]," +
            "'containers':[{'$setElementOrder/env':[{'name':'B'}],'env':[{'$patch':'delete','name':'A'}],'name':'web'}]}}}}",
            patch);
        AssertEffect(current, patch, Json.Obj(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web','team':'a'}},'spec':{" +
            "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'web','image':'nginx:1.25','env':[{'name':'B','value':'2'}]}]}}}}"));
    }

    [Fact]
    public void ApplyLeavesFieldsChangedByOthersAloneWhenTheConfigDoesNotMentionThem()
    {
        var config = Json.Obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.25'}]}}}}");
        var current = Json.Obj(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'team':'a'}},'spec':{'replicas':5," +
            "'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.25','imagePullPolicy':'IfNotPresent'}],'dnsPolicy':'ClusterFirst'}}}}");

        Json.Exact("{}", StrategicMergePatch.CreateThreeWay(config, config, current, "apps/v1", "Deployment"));
    }

    [Fact]
    public void ApplySendsTheElementOrderWhenTheLiveListHasExtraElements()
    {
        // kubectl re-sends the order of its containers while the live list has one it never applied.
        var config = Json.Obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.25'}]}}}}");
        var current = Json.Obj(LiveDeployment);

        var patch = StrategicMergePatch.CreateThreeWay(config, config, current, "apps/v1", "Deployment");

        Json.Exact("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'web'}]}}}}", patch);
        AssertEffect(current, patch, current);
    }

    [Fact]
    public void ApplyAddsAndRemovesContainersWithElementOrder()
    {
        var lastApplied = Json.Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'a','image':'a'},{'name':'b','image':'b'}]}}");
        var modified = Json.Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'c'},{'name':'a','image':'a2'}]}}");
        var current = Json.Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'a','image':'a','terminationMessagePath':'/dev/termination-log'},{'name':'b','image':'b'},{'name':'z','image':'z'}]}}");

        var patch = StrategicMergePatch.CreateThreeWay(lastApplied, modified, current, "v1", "Pod");

        Json.Exact(
            "{'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'}],'containers':[{'image':'c','name':'c'},{'image':'a2','name':'a'},{'$patch':'delete','name':'b'}]}}",
            patch);
        // z lands first: the server orders it by where its merge left it in the live list (see LiveOrder).
        AssertEffect(current, patch, Json.Obj(
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'z','image':'z'},{'name':'c','image':'c'},{'name':'a','image':'a2','terminationMessagePath':'/dev/termination-log'}]}}"));
    }

    [Fact]
    public void ApplyRemovingAFinalizerUsesTheParallelDeletionList()
    {
        var lastApplied = Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','finalizers':['a','b']}}");
        var modified = Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','finalizers':['b']}}");
        var current = Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','finalizers':['a','b','other']}}");

        var patch = StrategicMergePatch.CreateThreeWay(lastApplied, modified, current, "v1", "ConfigMap");

        Json.Exact("{'metadata':{'$deleteFromPrimitiveList/finalizers':['a'],'$setElementOrder/finalizers':['b']}}", patch);
        AssertEffect(current, patch, Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','finalizers':['b','other']}}"));
    }

    [Fact]
    public void ApplySwitchingTheStrategyTypeSendsRetainKeys()
    {
        var lastApplied = Json.Obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}");
        var modified = Json.Obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'strategy':{'type':'Recreate'}}}");
        var current = Json.Obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':1,'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1,'maxUnavailable':'25%'}}}}");

        var patch = StrategicMergePatch.CreateThreeWay(lastApplied, modified, current, "apps/v1", "Deployment");

        Json.Exact("{'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':null,'type':'Recreate'}}}", patch);
        AssertEffect(current, patch, Json.Obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':1,'strategy':{'type':'Recreate'}}}"));
    }

    [Fact]
    public void ApplyChangingAVolumeSourceSendsRetainKeysForTheElement()
    {
        var lastApplied = Json.Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'volumes':[{'name':'v','emptyDir':{}}]}}");
        var modified = Json.Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'volumes':[{'name':'v','hostPath':{'path':'/srv'}}]}}");

        var patch = StrategicMergePatch.CreateThreeWay(lastApplied, modified, lastApplied, "v1", "Pod");

        Json.Exact("{'spec':{'$setElementOrder/volumes':[{'name':'v'}],'volumes':[{'$retainKeys':['hostPath','name'],'emptyDir':null,'hostPath':{'path':'/srv'},'name':'v'}]}}", patch);
        AssertEffect(lastApplied, patch, modified);
    }

    [Fact]
    public void FirstApplyOverAnExistingObjectDeletesNothing()
    {
        var modified = Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'a':'1'}}");
        var current = Json.Obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'x':'y'}},'data':{'a':'0','b':'2'}}");

        var patch = StrategicMergePatch.CreateThreeWay(null, modified, current, "v1", "ConfigMap");

        Json.Exact("{'data':{'a':'1'}}", patch);
    }

    [Fact]
    public void PreconditionsSpotIdentityAndManagedFieldChanges()
    {
        Assert.True(PatchPreconditions.ChangesIdentity(Json.Obj("{'kind':'Other'}")));
        Assert.True(PatchPreconditions.ChangesIdentity(Json.Obj("{'metadata':{'name':'x'}}")));
        Assert.False(PatchPreconditions.ChangesIdentity(Json.Obj("{'metadata':{'labels':{'name':'x'}}}")));
        Assert.True(PatchPreconditions.ChangesManagedFields(Json.Obj("{'metadata':{'managedFields':[]}}")));
    }

    /// <summary>The patch turns <paramref name="from"/> into <paramref name="expected"/>, applied here and by kubectl.</summary>
    private static void AssertEffect(JsonNode from, JsonObject patch, JsonNode expected)
    {
        var kind = from["kind"]!.GetValue<string>();
        var apiVersion = from["apiVersion"]!.GetValue<string>();
        Json.Equal(expected, StrategicMergePatch.Apply(from, patch, apiVersion, kind));
        Json.Equal(expected, Kubectl.PatchLocally(from, patch, "strategic"));
    }
}
