using System.Text.Json.Nodes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Scale;

namespace PracticeK8s.Tests.Scale;

public sealed class ScalerTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Fact]
    public void Preconditions_CompareReplicasAndResourceVersion_WithKubectlsMessages()
    {
        var scale = Json("""{"metadata":{"resourceVersion":"41"},"spec":{"replicas":2}}""");
        Scaler.CheckPreconditions(scale, 2, "41");
        Scaler.CheckPreconditions(scale, -1, null);
        Assert.Equal("Expected replicas to be 3, was 2", Assert.Throws<KubeException>(() => Scaler.CheckPreconditions(scale, 3, null)).Message);
        Assert.Equal("Expected resource version to be 40, was 41", Assert.Throws<KubeException>(() => Scaler.CheckPreconditions(scale, null, "40")).Message);
    }

    [Theory]
    [InlineData("""{"kind":"Deployment","metadata":{"generation":3},"status":{"observedGeneration":3,"replicas":4,"readyReplicas":4,"updatedReplicas":4}}""", true)]
    [InlineData("""{"kind":"Deployment","metadata":{"generation":3},"status":{"observedGeneration":2,"replicas":4,"readyReplicas":4,"updatedReplicas":4}}""", false)]
    [InlineData("""{"kind":"Deployment","metadata":{"generation":3},"status":{"observedGeneration":3,"replicas":4,"readyReplicas":3,"updatedReplicas":4}}""", false)]
    [InlineData("""{"kind":"Deployment","metadata":{"generation":3},"status":{"observedGeneration":3,"replicas":5,"readyReplicas":4,"updatedReplicas":4}}""", false)]
    [InlineData("""{"kind":"ReplicaSet","metadata":{"generation":1},"status":{"observedGeneration":1,"replicas":4,"readyReplicas":4}}""", true)]
    [InlineData("""{"kind":"StatefulSet","metadata":{"generation":1},"status":{"observedGeneration":1,"replicas":4,"readyReplicas":4,"updatedReplicas":4}}""", true)]
    public void ProgressOf_IsDone_WhenTheControllerSawTheChangeAndAllReplicasAreReady(string json, bool done) =>
        Assert.Equal(done, Scaler.ProgressOf(Json(json), 4).Done);

    [Fact]
    public void ScalingToZero_IsDoneWhenNoReplicaIsLeft()
    {
        Assert.True(Scaler.ProgressOf(Json("""{"kind":"Deployment","metadata":{"generation":2},"status":{"observedGeneration":2}}"""), 0).Done);
        Assert.False(Scaler.ProgressOf(Json("""{"kind":"Deployment","metadata":{"generation":2},"status":{"observedGeneration":2,"replicas":1}}"""), 0).Done);
    }
}
