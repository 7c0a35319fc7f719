using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.ViaKubectl;

/// <summary>
/// kubectl's generators POST protobuf: every object they create must be stored as kubectl means it.
/// The oracle is the same command with <c>--dry-run=client -o json</c>: each field kubectl sets must be in the stored object.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ProtobufCreateTests(SandboxFixture f)
{
    /// <summary>Every non-empty field of <paramref name="expected"/> is in <paramref name="actual"/> with the same value.</summary>
    private static void AssertSubset(JsonNode? expected, JsonNode? actual, string path, List<string> problems)
    {
        switch (expected)
        {
            case null:
                return;
            case JsonObject eo:
                if (actual is not JsonObject ao) { problems.Add($"{path}: expected an object, got {actual?.ToJsonString() ?? "nothing"}"); return; }
                foreach (var (k, v) in eo)
                {
                    if (IsEmpty(v) || k is "creationTimestamp" or "status") continue;
                    AssertSubset(v, ao[k], $"{path}.{k}", problems);
                }
                return;
            case JsonArray ea:
                if (actual is not JsonArray aa || aa.Count != ea.Count) { problems.Add($"{path}: expected {ea.ToJsonString()}, got {actual?.ToJsonString() ?? "nothing"}"); return; }
                for (int i = 0; i < ea.Count; i++) AssertSubset(ea[i], aa[i], $"{path}[{i}]", problems);
                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual)) problems.Add($"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "nothing"}");
                return;
        }
    }

    private static bool IsEmpty(JsonNode? n) => n is null || n is JsonObject o && o.All(p => IsEmpty(p.Value) || p.Key == "creationTimestamp");

    private JsonObject CreateAndRead(string ns, string resource, string name, params string[] args)
    {
        var generator = new[] { "-n", ns, "create" }.Concat(args).ToArray();
        var dash = Array.IndexOf(generator, "--");
        var dryRun = dash < 0
            ? generator.Concat(new[] { "--dry-run=client", "-o", "json" }).ToArray()
            : generator[..dash].Concat(new[] { "--dry-run=client", "-o", "json" }).Concat(generator[dash..]).ToArray();
        var expected = JsonNode.Parse(f.Kubectl.Ok(dryRun))!.AsObject();
        var created = f.Kubectl.Run(generator);
        Assert.True(created.ExitCode == 0, created.ToString());
        var stored = JsonNode.Parse(f.Kubectl.Ok("-n", ns, "get", resource, name, "-o", "json"))!.AsObject();
        var problems = new List<string>();
        AssertSubset(expected, stored, "", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return stored;
    }

    [Fact]
    public void CreateNamespaceConfigMapSecretServiceAccount()
    {
        var ns = f.NewNamespace("pbcore");
        var nsName = ns + "-x";
        var created = f.Kubectl.Run("create", "namespace", nsName);
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("Active", f.Kubectl.Ok("get", "namespace", nsName, "-o", "jsonpath={.status.phase}"));
        var cm = CreateAndRead(ns, "configmap", "settings", "configmap", "settings", "--from-literal=mode=fast", "--from-literal=size=3");
        Assert.Equal("fast", cm["data"]!["mode"]!.GetValue<string>());
        var secret = CreateAndRead(ns, "secret", "creds", "secret", "generic", "creds", "--from-literal=password=s3cr3t");
        Assert.Equal("czNjcjN0", secret["data"]!["password"]!.GetValue<string>());
        Assert.Equal("Opaque", secret["type"]!.GetValue<string>());
        CreateAndRead(ns, "serviceaccount", "robot", "serviceaccount", "robot");
    }

    [Fact]
    public void CreateDeployment_WithReplicasPortAndCommand()
    {
        var ns = f.NewNamespace("pbdeploy");
        var d = CreateAndRead(ns, "deployment", "web", "deployment", "web", "--image=nginx:1.27", "--replicas=3", "--port=8080", "--", "nginx", "-g", "daemon off;");
        Assert.Equal(3, d["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("RollingUpdate", d["spec"]!["strategy"]!["type"]!.GetValue<string>()); // defaulted server-side
        Assert.Equal("IfNotPresent", d["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"]!.GetValue<string>());
        var zero = CreateAndRead(ns, "deployment", "idle", "deployment", "idle", "--image=nginx", "--replicas=0");
        Assert.Equal(0, zero["spec"]!["replicas"]!.GetValue<int>()); // an explicit 0 survives
        Assert.Equal("Always", zero["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void CreateServices_OfEachType()
    {
        var ns = f.NewNamespace("pbsvc");
        var cluster = CreateAndRead(ns, "service", "api", "service", "clusterip", "api", "--tcp=80:8080");
        Assert.Equal(8080, cluster["spec"]!["ports"]![0]!["targetPort"]!.GetValue<int>());
        Assert.Matches(@"^10\.", cluster["spec"]!["clusterIP"]!.GetValue<string>());
        var node = CreateAndRead(ns, "service", "web", "service", "nodeport", "web", "--tcp=80:http", "--node-port=30080");
        Assert.Equal("http", node["spec"]!["ports"]![0]!["targetPort"]!.GetValue<string>());
        Assert.Equal(30080, node["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>());
        CreateAndRead(ns, "service", "lb", "service", "loadbalancer", "lb", "--tcp=443:8443");
        var headless = CreateAndRead(ns, "service", "db", "service", "clusterip", "db", "--clusterip=None", "--tcp=5432:5432");
        Assert.Equal("None", headless["spec"]!["clusterIP"]!.GetValue<string>());
        CreateAndRead(ns, "service", "ext", "service", "externalname", "ext", "--external-name=example.org");
    }

    [Fact]
    public void CreateJobAndCronJob()
    {
        var ns = f.NewNamespace("pbbatch");
        var job = CreateAndRead(ns, "job", "once", "job", "once", "--image=busybox", "--", "sh", "-c", "echo done");
        Assert.Equal("Never", job["spec"]!["template"]!["spec"]!["restartPolicy"]!.GetValue<string>());
        var cron = CreateAndRead(ns, "cronjob", "tick", "cronjob", "tick", "--image=busybox", "--schedule=*/5 * * * *", "--", "date");
        Assert.Equal("*/5 * * * *", cron["spec"]!["schedule"]!.GetValue<string>());
        var fromCron = f.Kubectl.Run("-n", ns, "create", "job", "manual", "--from=cronjob/tick");
        Assert.True(fromCron.ExitCode == 0, fromCron.ToString());
        var manual = JsonNode.Parse(f.Kubectl.Ok("-n", ns, "get", "job", "manual", "-o", "json"))!;
        Assert.Equal("CronJob", manual["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("manual", manual["metadata"]!["annotations"]!["cronjob.kubernetes.io/instantiate"]!.GetValue<string>());
    }

    [Fact]
    public void CreatePolicyAccessAndNetworkingObjects()
    {
        var ns = f.NewNamespace("pbmisc");
        var pdb = CreateAndRead(ns, "pdb", "web-pdb", "poddisruptionbudget", "web-pdb", "--selector=app=web", "--min-available=2");
        Assert.Equal(2, pdb["spec"]!["minAvailable"]!.GetValue<int>());
        CreateAndRead(ns, "pdb", "half", "poddisruptionbudget", "half", "--selector=app=web", "--max-unavailable=50%");
        CreateAndRead(ns, "role", "reader", "role", "reader", "--verb=get,list", "--resource=pods", "--resource-name=x");
        CreateAndRead(ns, "rolebinding", "reader-bob", "rolebinding", "reader-bob", "--role=reader", "--user=bob", $"--serviceaccount={ns}:robot");
        CreateAndRead(ns, "resourcequota", "limits", "quota", "limits", "--hard=pods=10,requests.cpu=2");
        CreateAndRead(ns, "ingress", "site", "ingress", "site", "--class=nginx", "--rule=foo.com/bar*=svc1:8080,tls=my-cert", "--default-backend=svc0:http");
        var cr = "pb-reader-" + ns;
        CreateAndRead(ns, "clusterrole", cr, "clusterrole", cr, "--verb=get", "--non-resource-url=/logs");
        CreateAndRead(ns, "clusterrolebinding", cr, "clusterrolebinding", cr, $"--clusterrole={cr}", "--group=ops");
        CreateAndRead(ns, "priorityclass", cr, "priorityclass", cr, "--value=1000", "--description=important");
    }

    [Fact]
    public void Autoscale_WritesAnAutoscalingV1Hpa_ReadableInBothVersions()
    {
        var ns = f.NewNamespace("pbhpa");
        f.Kubectl.Ok("-n", ns, "create", "deployment", "web", "--image=nginx");
        var result = f.Kubectl.Run("-n", ns, "autoscale", "deployment", "web", "--min=2", "--max=5", "--cpu-percent=80");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("horizontalpodautoscaler.autoscaling/web autoscaled", result.Stdout.Trim());

        var v2 = JsonNode.Parse(f.Kubectl.Ok("-n", ns, "get", "hpa", "web", "-o", "json"))!;
        Assert.Equal("autoscaling/v2", v2["apiVersion"]!.GetValue<string>());
        Assert.Equal(2, v2["spec"]!["minReplicas"]!.GetValue<int>());
        Assert.Equal(5, v2["spec"]!["maxReplicas"]!.GetValue<int>());
        Assert.Equal("Deployment", v2["spec"]!["scaleTargetRef"]!["kind"]!.GetValue<string>());
        var metric = v2["spec"]!["metrics"]![0]!;
        Assert.Equal("cpu", metric["resource"]!["name"]!.GetValue<string>());
        Assert.Equal(80, metric["resource"]!["target"]!["averageUtilization"]!.GetValue<int>());

        var v1 = JsonNode.Parse(f.Kubectl.Ok("-n", ns, "get", "horizontalpodautoscalers.v1.autoscaling", "web", "-o", "json"))!;
        Assert.Equal("autoscaling/v1", v1["apiVersion"]!.GetValue<string>());
        Assert.Equal(80, v1["spec"]!["targetCPUUtilizationPercentage"]!.GetValue<int>());
        Assert.Null(v1["spec"]!["metrics"]);
        Assert.Matches(@"web\s+Deployment/web\s+", f.Kubectl.Ok("-n", ns, "get", "hpa"));
    }
}
