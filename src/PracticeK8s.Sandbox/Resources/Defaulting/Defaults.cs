using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Resources.Defaulting;

/// <summary>
/// The defaults the API server fills in (so <c>-o yaml</c> and describe look like a real cluster's),
/// per kind. Runs on create and update; <c>isCreate</c> adds create-time admission (pods, jobs).
/// </summary>
public static class Defaults
{
    public static void Apply(ResourceDefinition def, JsonObject obj, bool isCreate)
    {
        var spec = obj["spec"] as JsonObject;
        switch (def.Group, def.Plural)
        {
            case ("", "pods"):
                if (spec is not null) PodDefaults.Spec(spec);
                if (isCreate) PodDefaults.Admit(obj);
                break;
            case ("", "podtemplates"):
                Template(obj.Obj("template"));
                break;
            case ("", "replicationcontrollers"):
                spec?.Default("replicas", 1);
                Template(spec.Obj("template"));
                break;
            case ("", "services"):
                if (spec is not null) Service(spec);
                obj.Default("status", new JsonObject { ["loadBalancer"] = new JsonObject() });
                break;
            case ("", "namespaces"):
                var nsSpec = obj.Ensure("spec");
                nsSpec.Default("finalizers", new JsonArray("kubernetes"));
                obj.Ensure("status").Default("phase", "Active");
                obj.Ensure("metadata").Ensure("labels")["kubernetes.io/metadata.name"] = obj.Obj("metadata").Str("name");
                break;
            case ("", "persistentvolumeclaims"):
                obj.Ensure("spec").Default("volumeMode", "Filesystem");
                obj.Ensure("status").Default("phase", "Pending");
                break;
            case ("", "persistentvolumes"):
                obj.Ensure("spec").Default("persistentVolumeReclaimPolicy", "Retain");
                obj.Ensure("spec").Default("volumeMode", "Filesystem");
                obj.Ensure("status").Default("phase", "Pending");
                break;
            case ("", "secrets"):
                if (string.IsNullOrEmpty(obj.Str("type"))) obj["type"] = "Opaque";
                break;
            case ("apps", "deployments"):
                if (spec is null) break;
                spec.Default("replicas", 1);
                var strategy = spec.Ensure("strategy");
                strategy.Default("type", "RollingUpdate");
                if (strategy.Str("type") == "RollingUpdate")
                {
                    var ru = strategy.Ensure("rollingUpdate");
                    ru.Default("maxUnavailable", "25%");
                    ru.Default("maxSurge", "25%");
                }
                spec.Default("revisionHistoryLimit", 10);
                spec.Default("progressDeadlineSeconds", 600);
                Template(spec.Obj("template"));
                break;
            case ("apps", "replicasets"):
                spec?.Default("replicas", 1);
                Template(spec.Obj("template"));
                break;
            case ("apps", "statefulsets"):
                if (spec is null) break;
                spec.Default("replicas", 1);
                spec.Default("podManagementPolicy", "OrderedReady");
                var us = spec.Ensure("updateStrategy");
                us.Default("type", "RollingUpdate");
                if (us.Str("type") == "RollingUpdate") us.Ensure("rollingUpdate").Default("partition", 0);
                spec.Default("revisionHistoryLimit", 10);
                var retention = spec.Ensure("persistentVolumeClaimRetentionPolicy");
                retention.Default("whenDeleted", "Retain");
                retention.Default("whenScaled", "Retain");
                foreach (var t in spec.Arr("volumeClaimTemplates").Objects())
                {
                    t.Default("apiVersion", "v1");
                    t.Default("kind", "PersistentVolumeClaim");
                    t.Ensure("spec").Default("volumeMode", "Filesystem");
                    t.Default("status", new JsonObject { ["phase"] = "Pending" });
                }
                Template(spec.Obj("template"));
                break;
            case ("apps", "daemonsets"):
                if (spec is null) break;
                var dus = spec.Ensure("updateStrategy");
                dus.Default("type", "RollingUpdate");
                if (dus.Str("type") == "RollingUpdate")
                {
                    var ru = dus.Ensure("rollingUpdate");
                    ru.Default("maxUnavailable", 1);
                    ru.Default("maxSurge", 0);
                }
                spec.Default("revisionHistoryLimit", 10);
                Template(spec.Obj("template"));
                break;
            case ("batch", "jobs"):
                if (spec is null) break;
                Job(obj, spec, isCreate);
                break;
            case ("batch", "cronjobs"):
                if (spec is null) break;
                spec.Default("concurrencyPolicy", "Allow");
                spec.Default("suspend", false);
                spec.Default("successfulJobsHistoryLimit", 3);
                spec.Default("failedJobsHistoryLimit", 1);
                var jobSpec = spec.Obj("jobTemplate")?.Obj("spec");
                if (jobSpec is not null)
                {
                    jobSpec.Default("backoffLimit", 6);
                    Template(jobSpec.Obj("template"), defaultRestartPolicy: false);
                }
                break;
            case ("storage.k8s.io", "storageclasses"):
                obj.Default("reclaimPolicy", "Delete");
                obj.Default("volumeBindingMode", "Immediate");
                break;
            case ("apiextensions.k8s.io", "customresourcedefinitions"):
                spec?.Ensure("conversion").Default("strategy", "None");
                if (spec is not null) obj["status"] = CustomResources.EstablishedStatus(spec);
                if (isCreate) AddFinalizer(obj, Lifecycle.CustomResourceCleaner.Finalizer);
                break;
        }
    }

    private static void AddFinalizer(JsonObject obj, string finalizer)
    {
        var meta = obj.Ensure("metadata");
        var list = meta["finalizers"] as JsonArray ?? new JsonArray();
        if (!list.Any(f => f?.GetValue<string>() == finalizer)) list.Add(finalizer);
        meta["finalizers"] = list;
    }

    private static void Template(JsonObject? template, bool defaultRestartPolicy = true)
    {
        if (template?["spec"] is JsonObject ps) PodDefaults.Spec(ps, defaultRestartPolicy);
    }

    private static void Service(JsonObject spec)
    {
        spec.Default("type", "ClusterIP");
        var type = spec.Str("type");
        spec.Default("sessionAffinity", "None");
        if (type == "ExternalName") return;
        spec.Default("internalTrafficPolicy", "Cluster");
        if (spec.Str("clusterIP") != "None" || spec.Arr("ipFamilies") is null)
        {
            spec.Default("ipFamilies", new JsonArray("IPv4"));
            spec.Default("ipFamilyPolicy", "SingleStack");
        }
        if (type is "NodePort" or "LoadBalancer") spec.Default("externalTrafficPolicy", "Cluster");
        if (type == "LoadBalancer") spec.Default("allocateLoadBalancerNodePorts", true);
        foreach (var p in spec.Arr("ports").Objects())
        {
            p.Default("protocol", "TCP");
            if (p["targetPort"] is null && p["port"] is JsonValue port) p["targetPort"] = port.DeepClone();
        }
    }

    private static void Job(JsonObject job, JsonObject spec, bool isCreate)
    {
        spec.Default("parallelism", 1);
        if (spec["completions"] is null && spec.Long("parallelism") == 1) spec["completions"] = 1;
        spec.Default("backoffLimit", 6);
        spec.Default("completionMode", "NonIndexed");
        spec.Default("suspend", false);
        spec.Default("podReplacementPolicy", "TerminatingOrFailed");
        Template(spec.Obj("template"), defaultRestartPolicy: false);
        if (!isCreate || spec.Bool("manualSelector") == true) return;
        var uid = job.Obj("metadata").Str("uid");
        var name = job.Obj("metadata").Str("name");
        if (uid is null) return;
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
        if (spec.Obj("template") is { } t)
        {
            var labels = t.Ensure("metadata").Ensure("labels");
            labels["batch.kubernetes.io/controller-uid"] = uid;
            labels["batch.kubernetes.io/job-name"] = name;
            labels["controller-uid"] = uid;
            labels["job-name"] = name;
        }
    }
}
