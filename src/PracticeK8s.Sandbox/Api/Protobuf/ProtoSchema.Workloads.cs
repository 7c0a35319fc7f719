namespace PracticeK8s.Sandbox.Api.Protobuf;

/// <summary>apps/v1 Deployment, batch/v1 Job and CronJob, autoscaling/v1 HPA, policy/v1 PDB, scheduling PriorityClass.</summary>
public static partial class ProtoSchema
{
    private static Dictionary<string, IReadOnlyDictionary<int, ProtoField>> Workloads() => new()
    {
        ["Deployment"] = WithSpec("DeploymentSpec"),
        ["DeploymentSpec"] = Fields(
            (1, I("replicas", pointer: true)), (2, M("selector", "LabelSelector", pointer: true)), (3, M("template", "PodTemplateSpec")),
            (4, M("strategy", "DeploymentStrategy")), (5, I("minReadySeconds")), (6, I("revisionHistoryLimit", pointer: true)),
            (7, B("paused")), (9, I("progressDeadlineSeconds", pointer: true))),
        ["DeploymentStrategy"] = Fields((1, S("type")), (2, M("rollingUpdate", "RollingUpdateDeployment", pointer: true))),
        ["RollingUpdateDeployment"] = Fields((1, IntOrString("maxUnavailable", pointer: true)), (2, IntOrString("maxSurge", pointer: true))),
        ["Job"] = WithSpec("JobSpec"),
        ["JobSpec"] = Fields(
            (1, I("parallelism", pointer: true)), (2, I("completions", pointer: true)), (3, I("activeDeadlineSeconds", pointer: true)),
            (4, M("selector", "LabelSelector", pointer: true)), (5, B("manualSelector", pointer: true)), (6, M("template", "PodTemplateSpec")),
            (7, I("backoffLimit", pointer: true)), (8, I("ttlSecondsAfterFinished", pointer: true)), (9, S("completionMode", pointer: true)),
            (10, B("suspend", pointer: true))),
        ["CronJob"] = WithSpec("CronJobSpec"),
        ["CronJobSpec"] = Fields(
            (1, S("schedule")), (2, I("startingDeadlineSeconds", pointer: true)), (3, S("concurrencyPolicy")), (4, B("suspend", pointer: true)),
            (5, M("jobTemplate", "JobTemplateSpec")), (6, I("successfulJobsHistoryLimit", pointer: true)),
            (7, I("failedJobsHistoryLimit", pointer: true)), (8, S("timeZone", pointer: true))),
        ["JobTemplateSpec"] = WithSpec("JobSpec"),
        ["HorizontalPodAutoscaler"] = WithSpec("HorizontalPodAutoscalerSpec"),
        ["HorizontalPodAutoscalerSpec"] = Fields(
            (1, M("scaleTargetRef", "CrossVersionObjectReference")), (2, I("minReplicas", pointer: true)), (3, I("maxReplicas", pointer: true)),
            (4, I("targetCPUUtilizationPercentage", pointer: true))),
        ["CrossVersionObjectReference"] = Fields((1, S("kind")), (2, S("name")), (3, S("apiVersion"))),
        ["PodDisruptionBudget"] = WithSpec("PodDisruptionBudgetSpec"),
        ["PodDisruptionBudgetSpec"] = Fields(
            (1, IntOrString("minAvailable", pointer: true)), (2, M("selector", "LabelSelector", pointer: true)),
            (3, IntOrString("maxUnavailable", pointer: true)), (4, S("unhealthyPodEvictionPolicy", pointer: true))),
        ["PriorityClass"] = Fields(
            (1, M("metadata", "ObjectMeta")), (2, I("value", pointer: true)), (3, B("globalDefault")), (4, S("description")),
            (5, S("preemptionPolicy", pointer: true))),
    };
}
