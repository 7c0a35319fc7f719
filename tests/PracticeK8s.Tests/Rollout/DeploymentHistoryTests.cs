using System.Text.Json.Nodes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Rollout;

namespace PracticeK8s.Tests.Rollout;

public sealed class DeploymentHistoryTests
{
    private static readonly JsonObject Deployment = JsonNode.Parse("""
        {"metadata":{"name":"web","uid":"d-1","annotations":{"deployment.kubernetes.io/revision":"3","team":"a"}},
         "spec":{"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"web:3"}]}}}}
        """)!.AsObject();

    private static JsonObject ReplicaSet(string name, string? revision, string image, string ownerUid = "d-1", string? changeCause = null)
    {
        var annotations = new JsonObject();
        if (revision is not null)
            annotations["deployment.kubernetes.io/revision"] = revision;
        if (changeCause is not null)
            annotations["kubernetes.io/change-cause"] = changeCause;
        return JsonNode.Parse($$$"""
            {"metadata":{"name":"{{{name}}}","annotations":{{{annotations.ToJsonString()}}},
                         "ownerReferences":[{"kind":"Deployment","name":"web","uid":"{{{ownerUid}}}","controller":true}]},
             "spec":{"template":{"metadata":{"labels":{"app":"web","pod-template-hash":"h{{{revision}}}"}},"spec":{"containers":[{"name":"c","image":"{{{image}}}"}]} } } }
            """)!.AsObject();
    }

    private static IReadOnlyList<RevisionEntry> History() => DeploymentHistory.Revisions(Deployment,
    [
        ReplicaSet("web-3", "3", "web:3"),
        ReplicaSet("web-1", "1", "web:1", changeCause: "first"),
        ReplicaSet("other", "2", "other:2", ownerUid: "someone-else"),
        ReplicaSet("web-2", "2", "web:2"),
        ReplicaSet("web-x", null, "web:x"),
    ]);

    [Fact]
    public void Revisions_AreTheOwnedReplicaSets_OldestFirst() =>
        Assert.Equal(["web-1", "web-2", "web-3"], History().Select(r => r.ReplicaSet["metadata"]!["name"]!.GetValue<string>()));

    [Fact]
    public void Select_TakesThePreviousRevision_OrTheOneAsked()
    {
        Assert.Equal(2, DeploymentHistory.Select(History(), 0, "web").Revision);
        Assert.Equal(1, DeploymentHistory.Select(History(), 1, "web").Revision);
        Assert.Equal("unable to find specified revision 9 in history",
            Assert.Throws<KubeException>(() => DeploymentHistory.Select(History(), 9, "web")).Message);
        Assert.Equal("no rollout history found for deployment \"web\"",
            Assert.Throws<KubeException>(() => DeploymentHistory.Select([], 0, "web")).Message);
        Assert.Equal("no previous revision found for deployment \"web\"",
            Assert.Throws<KubeException>(() => DeploymentHistory.Select(History().Take(1).ToList(), 0, "web")).Message);
    }

    [Fact]
    public void RollbackPatch_CopiesTheTemplateWithoutTheHashLabel_AndTheRevisionsAnnotations()
    {
        var patch = DeploymentHistory.RollbackPatch(Deployment, History()[0].ReplicaSet)!;
        var template = patch[0]!["value"]!;
        Assert.Equal("/spec/template", patch[0]!["path"]!.GetValue<string>());
        Assert.Equal("web:1", template["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.False(template["metadata"]!["labels"]!.AsObject().ContainsKey("pod-template-hash"));
        var annotations = patch[1]!["value"]!.AsObject();
        Assert.Equal("first", annotations["kubernetes.io/change-cause"]!.GetValue<string>());
        Assert.Equal("a", annotations["team"]!.GetValue<string>());
        Assert.Equal("3", annotations["deployment.kubernetes.io/revision"]!.GetValue<string>());   // the revision's own number is not copied
    }

    [Fact]
    public void RollbackPatch_IsNull_WhenTheDeploymentAlreadyRunsThatTemplate() =>
        Assert.Null(DeploymentHistory.RollbackPatch(Deployment, History()[2].ReplicaSet));

    [Fact]
    public void RestartPatch_StampsTheTemplateWithAnRfc3339Time()
    {
        Assert.Equal("2024-05-01T10:00:00Z", DeploymentRollouts.Rfc3339(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2024-05-01T10:00:00+02:00", DeploymentRollouts.Rfc3339(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2))));
        var patch = DeploymentRollouts.RestartPatch(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("""{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2024-05-01T10:00:00Z"}}}}}""", patch.ToJsonString());
    }
}
