using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Resources.Defaulting;

/// <summary>Pod spec defaults (also applied to pod templates) and the pod-only admission additions.</summary>
public static class PodDefaults
{
    public const string ServiceAccountMountPath = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>Defaults of a PodSpec. <paramref name="defaultRestartPolicy"/> is false for Job templates.</summary>
    public static void Spec(JsonObject spec, bool defaultRestartPolicy = true)
    {
        if (defaultRestartPolicy) spec.Default("restartPolicy", "Always");
        spec.Default("terminationGracePeriodSeconds", 30);
        spec.Default("dnsPolicy", "ClusterFirst");
        spec.Default("securityContext", new JsonObject());
        spec.Default("schedulerName", "default-scheduler");
        foreach (var c in spec.Arr("containers").Objects().Concat(spec.Arr("initContainers").Objects()))
            Container(c);
        foreach (var v in spec.Arr("volumes").Objects())
        {
            if (v.Obj("configMap") is { } cm) cm.Default("defaultMode", 420);
            if (v.Obj("secret") is { } sec) sec.Default("defaultMode", 420);
            if (v.Obj("projected") is { } pr) pr.Default("defaultMode", 420);
        }
    }

    public static void Container(JsonObject c)
    {
        var image = c.Str("image") ?? "";
        var lastSegment = image.Contains('/') ? image[(image.LastIndexOf('/') + 1)..] : image;
        var untaggedOrLatest = !image.Contains('@') && (!lastSegment.Contains(':') || lastSegment.EndsWith(":latest", StringComparison.Ordinal));
        c.Default("imagePullPolicy", untaggedOrLatest ? "Always" : "IfNotPresent");
        c.Default("terminationMessagePath", "/dev/termination-log");
        c.Default("terminationMessagePolicy", "File");
        c.Default("resources", new JsonObject());
        foreach (var p in c.Arr("ports").Objects()) p.Default("protocol", "TCP");
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
            if (c.Obj(probe) is { } pr)
            {
                pr.Default("timeoutSeconds", 1);
                pr.Default("periodSeconds", 10);
                pr.Default("successThreshold", 1);
                pr.Default("failureThreshold", 3);
            }
    }

    /// <summary>What admission adds to a new Pod: service account, its token volume, default tolerations, priority.</summary>
    public static void Admit(JsonObject pod)
    {
        var spec = pod.Ensure("spec");
        var sa = spec.Str("serviceAccountName") ?? spec.Str("serviceAccount") ?? "default";
        spec["serviceAccountName"] = sa;
        spec["serviceAccount"] = sa;
        spec.Default("enableServiceLinks", true);
        spec.Default("preemptionPolicy", "PreemptLowerPriority");
        spec.Default("priority", 0);
        AddDefaultTolerations(spec);
        if (spec.Bool("automountServiceAccountToken") != false) AddTokenVolume(spec);
        var status = pod.Ensure("status");
        status["phase"] = "Pending";
        status["qosClass"] = QosClass(spec);
    }

    private static void AddDefaultTolerations(JsonObject spec)
    {
        var tolerations = spec["tolerations"] as JsonArray ?? new JsonArray();
        foreach (var key in new[] { "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable" })
        {
            if (tolerations.Objects().Any(t => t.Str("key") == key && t.Str("effect") is null or "NoExecute")) continue;
            tolerations.Add(new JsonObject
            {
                ["key"] = key, ["operator"] = "Exists", ["effect"] = "NoExecute", ["tolerationSeconds"] = 300,
            });
        }
        spec["tolerations"] = tolerations;
    }

    private static void AddTokenVolume(JsonObject spec)
    {
        var volumes = spec["volumes"] as JsonArray ?? new JsonArray();
        if (volumes.Objects().Any(v => v.Str("name")?.StartsWith("kube-api-access-", StringComparison.Ordinal) == true)) return;
        var name = "kube-api-access-" + NameGenerator.Suffix();
        volumes.Add(new JsonObject
        {
            ["name"] = name,
            ["projected"] = new JsonObject
            {
                ["defaultMode"] = 420,
                ["sources"] = new JsonArray(
                    new JsonObject { ["serviceAccountToken"] = new JsonObject { ["expirationSeconds"] = 3607, ["path"] = "token" } },
                    new JsonObject { ["configMap"] = new JsonObject { ["name"] = "kube-root-ca.crt", ["items"] = new JsonArray(new JsonObject { ["key"] = "ca.crt", ["path"] = "ca.crt" }) } },
                    new JsonObject { ["downwardAPI"] = new JsonObject { ["items"] = new JsonArray(new JsonObject
                    {
                        ["path"] = "namespace",
                        ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.namespace" },
                    }) } }),
            },
        });
        spec["volumes"] = volumes;
        foreach (var c in spec.Arr("containers").Objects().Concat(spec.Arr("initContainers").Objects()))
        {
            var mounts = c["volumeMounts"] as JsonArray ?? new JsonArray();
            if (mounts.Objects().Any(m => m.Str("mountPath") == ServiceAccountMountPath)) continue;
            mounts.Add(new JsonObject { ["name"] = name, ["readOnly"] = true, ["mountPath"] = ServiceAccountMountPath });
            c["volumeMounts"] = mounts;
        }
    }

    /// <summary>Guaranteed when every container has equal cpu+memory requests and limits; BestEffort with none.</summary>
    private static string QosClass(JsonObject spec)
    {
        bool any = false, guaranteed = true;
        foreach (var c in spec.Arr("containers").Objects())
        {
            var limits = c.Obj("resources")?.Obj("limits").StringMap() ?? new();
            var requests = c.Obj("resources")?.Obj("requests").StringMap() ?? new();
            if (limits.Count > 0 || requests.Count > 0) any = true;
            foreach (var r in new[] { "cpu", "memory" })
            {
                if (!limits.TryGetValue(r, out var l)) { guaranteed = false; continue; }
                if (requests.TryGetValue(r, out var q) && q != l) guaranteed = false;
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }
}
