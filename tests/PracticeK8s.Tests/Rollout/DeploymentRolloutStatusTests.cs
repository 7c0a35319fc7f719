using System.Text.Json.Nodes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Rollout;

namespace PracticeK8s.Tests.Rollout;

public sealed class DeploymentRolloutStatusTests
{
    private static JsonObject Deployment(long generation, string status, long replicas = 3, string conditions = "[]") =>
        JsonNode.Parse($$$"""
            {"metadata":{"name":"web","generation":{{{generation}}}},"spec":{"replicas":{{{replicas}}}},
             "status":{{{{status}}}{{{(status.Length > 0 ? "," : "")}}}"conditions":{{{conditions}}}}}
            """)!.AsObject();

    [Theory]
    [InlineData(2, "\"observedGeneration\":1", "Waiting for deployment spec update to be observed...")]
    [InlineData(2, "\"observedGeneration\":2,\"replicas\":3,\"updatedReplicas\":1,\"availableReplicas\":2",
        "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...")]
    [InlineData(2, "\"observedGeneration\":2,\"replicas\":4,\"updatedReplicas\":3,\"availableReplicas\":3",
        "Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...")]
    [InlineData(2, "\"observedGeneration\":2,\"replicas\":3,\"updatedReplicas\":3,\"availableReplicas\":2",
        "Waiting for deployment \"web\" rollout to finish: 2 of 3 updated replicas are available...")]
    public void AnUnfinishedRollout_SaysWhatItWaitsFor_InKubectlsWords(long generation, string status, string message)
    {
        var state = DeploymentRolloutStatus.Evaluate(Deployment(generation, status));
        Assert.False(state.Done);
        Assert.Equal(message, state.Message);
    }

    [Fact]
    public void ACompleteRollout_IsDone()
    {
        var state = DeploymentRolloutStatus.Evaluate(Deployment(2, "\"observedGeneration\":2,\"replicas\":3,\"updatedReplicas\":3,\"availableReplicas\":3"));
        Assert.True(state.Done);
        Assert.Equal("deployment \"web\" successfully rolled out", state.Message);
    }

    [Fact]
    public void AMissedProgressDeadline_IsAFailure()
    {
        var deployment = Deployment(2, "\"observedGeneration\":2,\"replicas\":3,\"updatedReplicas\":1",
            conditions: """[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]""");
        var error = Assert.Throws<KubeException>(() => DeploymentRolloutStatus.Evaluate(deployment));
        Assert.Equal("deployment \"web\" exceeded its progress deadline", error.Message);
        Assert.Equal("KubeProgressDeadlineExceeded", error.ErrorId);
    }
}
