namespace PracticeK8s.Engine.Rollout;

/// <summary>One revision of a Deployment (kubectl rollout history): the ReplicaSet that holds its pod template.</summary>
public sealed class RolloutRevision
{
    public RolloutRevision(string deployment, string? ns, long revision, string? changeCause, string replicaSet, object? template, bool current)
    {
        Deployment = deployment;
        Namespace = ns;
        Revision = revision;
        ChangeCause = changeCause;
        ReplicaSet = replicaSet;
        Template = template;
        Current = current;
    }

    public string Deployment { get; }
    public string? Namespace { get; }
    public long Revision { get; }

    /// <summary>The kubernetes.io/change-cause annotation of the revision, if any.</summary>
    public string? ChangeCause { get; }

    /// <summary>kubectl shows "&lt;none&gt;" when there is no change cause.</summary>
    public string ChangeCauseText => string.IsNullOrEmpty(ChangeCause) ? "<none>" : ChangeCause;

    public string ReplicaSet { get; }

    /// <summary>The pod template of this revision (k8s.Models.V1PodTemplateSpec).</summary>
    public object? Template { get; }

    /// <summary>True for the revision the Deployment runs now (the highest).</summary>
    public bool Current { get; }
}
