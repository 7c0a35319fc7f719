using k8s.Models;
using PracticeK8s.Engine.Health;

namespace PracticeK8s.Tests.Health;

public sealed class HealthChecksTests
{
    private static V1Deployment Deployment(int replicas, int updated, int available, int total, long generation = 2, long observed = 2) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "d", Generation = generation },
        Spec = new V1DeploymentSpec { Replicas = replicas },
        Status = new V1DeploymentStatus { ObservedGeneration = observed, UpdatedReplicas = updated, AvailableReplicas = available, Replicas = total },
    };

    [Fact]
    public void Deployment_IsReadyWhenTheRolloutIsComplete()
    {
        Assert.True(HealthChecks.Check(Deployment(3, 3, 3, 3)).Healthy);
        Assert.Equal("2 of 3 available replicas", HealthChecks.Check(Deployment(3, 3, 2, 3)).Reason);
        Assert.Equal("1 of 3 updated replicas", HealthChecks.Check(Deployment(3, 1, 3, 4)).Reason);
        Assert.Equal("1 old replicas are pending termination", HealthChecks.Check(Deployment(3, 3, 3, 4)).Reason);
        Assert.Equal("the controller has not observed the latest spec yet", HealthChecks.Check(Deployment(3, 3, 3, 3, generation: 3)).Reason);
    }

    [Fact]
    public void Pod_NeedsRunningReadyContainersAndFewRestarts()
    {
        V1Pod Pod(string phase, bool ready, int restarts) => new()
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Status = new V1PodStatus
            {
                Phase = phase,
                ContainerStatuses = [new V1ContainerStatus { Name = "c", Ready = ready, RestartCount = restarts, Image = "i", ImageID = "", State = new V1ContainerState { Waiting = ready ? null : new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } } }],
            },
        };
        Assert.True(HealthChecks.Check(Pod("Running", true, 0)).Healthy);
        Assert.Equal("phase is Pending", HealthChecks.Check(Pod("Pending", false, 0)).Reason);
        Assert.Equal("container c is not ready (CrashLoopBackOff)", HealthChecks.Check(Pod("Running", false, 5)).Reason);
        Assert.Equal("restarted 4 times (more than 3)", HealthChecks.Check(Pod("Running", true, 4), maxRestarts: 3).Reason);
        Assert.True(HealthChecks.Check(Pod("Succeeded", false, 0)).Healthy);
    }

    [Fact]
    public void Node_NeedsReadyTrue()
    {
        var node = new V1Node { Metadata = new V1ObjectMeta { Name = "n" }, Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = "Unknown", Reason = "NodeStatusUnknown" }] } };
        Assert.Equal("Ready is Unknown (NodeStatusUnknown)", HealthChecks.Check(node).Reason);
        node.Status.Conditions[0].Status = "True";
        Assert.True(HealthChecks.Check(node).Healthy);
    }

    [Fact]
    public void OtherKinds_AreChecked_AndUnknownKindsRefused()
    {
        Assert.False(HealthChecks.Check(new V1PersistentVolumeClaim { Metadata = new V1ObjectMeta { Name = "c" }, Status = new V1PersistentVolumeClaimStatus { Phase = "Pending" } }).Healthy);
        Assert.True(HealthChecks.Check(new V1StatefulSet { Metadata = new V1ObjectMeta { Name = "s" }, Spec = new V1StatefulSetSpec { Replicas = 2 }, Status = new V1StatefulSetStatus { ReadyReplicas = 2 } }).Healthy);
        Assert.Equal("1 of 3 ready pods", HealthChecks.Check(new V1DaemonSet { Metadata = new V1ObjectMeta { Name = "d" }, Status = new V1DaemonSetStatus { DesiredNumberScheduled = 3, NumberReady = 1 } }).Reason);
        Assert.Throws<ArgumentException>(() => HealthChecks.Check(new V1ConfigMap()));
    }
}
