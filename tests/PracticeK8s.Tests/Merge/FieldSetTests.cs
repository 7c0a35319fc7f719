using PracticeK8s.Merge;

namespace PracticeK8s.Tests.Merge;

/// <summary>Field sets: what an object sets, the fieldsV1 form, set algebra and path names.</summary>
public class FieldSetTests
{
    [Fact]
    public void AnAppliedDeploymentOwnsItsLeavesItsListItemsAndAtomicValues()
    {
        var config = Json.Parse(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},'spec':{'replicas':2," +
            "'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},'spec':{" +
            "'containers':[{'name':'web','image':'nginx','args':['-x'],'ports':[{'containerPort':80}],'resources':{}}]}}}}")!;

        var set = FieldSet.FromObject(config, "apps/v1", "Deployment");

        Json.Exact(
            "{'f:apiVersion':{},'f:kind':{},'f:metadata':{'f:labels':{'f:app':{}},'f:name':{}},'f:spec':{'f:replicas':{},'f:selector':{}," +
            "'f:template':{'f:metadata':{'f:labels':{'f:app':{}}},'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:args':{},'f:image':{},'f:name':{}," +
            "'f:ports':{'k:{\\'containerPort\\':80,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:containerPort':{}}},'f:resources':{}}}}}}}",
            set.ToFieldsV1());
    }

    [Fact]
    public void SetsOwnValuesAndAtomicElementsAreLeaves()
    {
        var config = Json.Parse("{'metadata':{'finalizers':['a','b'],'ownerReferences':[{'uid':'u1','name':'o','kind':'K','apiVersion':'v1'}]}}")!;
        var set = FieldSet.FromObject(config, "v1", "ConfigMap");
        Json.Exact("{'f:metadata':{'f:finalizers':{'v:\\'a\\'':{},'v:\\'b\\'':{}},'f:ownerReferences':{'k:{\\'uid\\':\\'u1\\'}':{}}}}", set.ToFieldsV1());
    }

    [Fact]
    public void FieldsV1RoundTripsExactly()
    {
        var text =
            "{'f:metadata':{'f:annotations':{'.':{},'f:kubectl.kubernetes.io/last-applied-configuration':{}},'f:labels':{'.':{},'f:app':{}}}," +
            "'f:spec':{'f:strategy':{'f:rollingUpdate':{'.':{},'f:maxSurge':{},'f:maxUnavailable':{}},'f:type':{}},'f:template':{'f:spec':{'f:containers':{" +
            "'k:{\\'name\\':\\'nginx\\'}':{'.':{},'f:image':{},'f:ports':{'.':{},'k:{\\'containerPort\\':80,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:containerPort':{}}}}}}}}}";
        var set = FieldSet.FromFieldsV1(Json.Obj(text));
        Json.Exact(text, set.ToFieldsV1());
        Assert.Contains(set.Members, p => p.ToString() == ".spec.template.spec.containers[name=\"nginx\"].ports[containerPort=80,protocol=\"TCP\"]");
        Assert.Contains(set.Members, p => p.ToString() == ".metadata.labels");
        Assert.DoesNotContain(set.Members, p => p.ToString() == ".metadata");
    }

    [Fact]
    public void SetAlgebraKeepsMembershipSeparateFromChildren()
    {
        var a = FieldSet.FromFieldsV1(Json.Obj("{'f:a':{'.':{},'f:x':{}},'f:b':{}}"));
        var b = FieldSet.FromFieldsV1(Json.Obj("{'f:a':{'f:y':{}},'f:b':{}}"));

        Json.Exact("{'f:a':{'.':{},'f:x':{},'f:y':{}},'f:b':{}}", a.Union(b).ToFieldsV1());
        Json.Exact("{'f:a':{'.':{},'f:x':{}}}", a.Difference(b).ToFieldsV1());
        Json.Exact("{'f:b':{}}", a.Intersection(b).ToFieldsV1());
        Assert.True(a.Difference(a).IsEmpty);
        Assert.True(a.Contains(FieldPath.OfFields("a")));
        Assert.False(b.Contains(FieldPath.OfFields("a")));
    }

    [Fact]
    public void PathElementsParseAndPrintLikeKubernetes()
    {
        Assert.Equal("[=\"foregroundDeletion\"]", PathElement.Parse("v:\"foregroundDeletion\"").ToString());
        Assert.Equal("[port=443,protocol=\"TCP\"]", PathElement.Parse("k:{\"protocol\":\"TCP\",\"port\":443}").ToString());
        Assert.Equal("k:{\"port\":443,\"protocol\":\"TCP\"}", PathElement.Parse("k:{\"protocol\":\"TCP\",\"port\":443}").Serialized);
        Assert.Equal("[3]", PathElement.Parse("i:3").ToString());
        Assert.Equal(PatchErrorKind.BadRequest, Json.Throws(() => PathElement.Parse("x:1")).Kind);
    }

    [Fact]
    public void MapListElementsMustCarryTheirKeys()
    {
        var config = Json.Parse("{'spec':{'containers':[{'image':'nginx'}]}}")!;
        var error = Json.Throws(() => FieldSet.FromObject(config, "v1", "Pod"));
        Assert.Equal(PatchErrorKind.Invalid, error.Kind);
        Assert.Contains("omits key field \"name\"", error.Message);
    }
}
