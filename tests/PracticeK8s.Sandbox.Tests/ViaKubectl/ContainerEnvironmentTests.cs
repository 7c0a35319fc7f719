using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.ViaKubectl;

/// <summary>
/// A container's environment as kubelet sets it, seen through stock kubectl exec: ConfigMap, Secret,
/// fieldRef, resourceFieldRef and envFrom values, the Service link variables, $(VAR) in args, and
/// CreateContainerConfigError until a referenced ConfigMap exists.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ContainerEnvironmentTests(SandboxFixture f)
{
    /// <summary>A pod that uses every env source; <paramref name="f"/>'s kubectl applies it with its ConfigMap, Secret and a Service created first.</summary>
    public static string Objects(string configMap, string secret) => """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: CONFIGMAP}
        data: {color: blue, size: L, "1bad": x}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: SECRET}
        data: {password: czNjcmV0}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: hello}
        spec:
          selector: {app: hello}
          ports: [{name: http, port: 8080, targetPort: 8080}]
        """.Replace("CONFIGMAP", configMap).Replace("SECRET", secret);

    public static string EnvPod(string name, string configMap, string secret) => """
        apiVersion: v1
        kind: Pod
        metadata: {name: PODNAME, labels: {app: env-test}}
        spec:
          terminationGracePeriodSeconds: 1
          containers:
          - name: c
            image: busybox
            command: [sh, -c]
            args: ["echo started with $(COLOR) in $(POD_NAME), not '$$(COLOR)'; sleep 3600"]
            resources:
              limits: {memory: 64Mi, cpu: 500m}
              requests: {cpu: 100m}
            envFrom:
            - prefix: CFG_
              configMapRef: {name: CONFIGMAP}
            - configMapRef: {name: CONFIGMAP}
            env:
            - {name: COLOR, valueFrom: {configMapKeyRef: {name: CONFIGMAP, key: color}}}
            - {name: PASSWORD, valueFrom: {secretKeyRef: {name: SECRET, key: password}}}
            - {name: MISSING_OK, valueFrom: {configMapKeyRef: {name: nowhere, key: k, optional: true}}}
            - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
            - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
            - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
            - {name: APP, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}
            - {name: MEMORY_MI, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
            - {name: CPU_REQUEST_M, valueFrom: {resourceFieldRef: {resource: requests.cpu, divisor: 1m}}}
            - {name: GREETING, value: "$(COLOR) at $(HELLO_SERVICE_HOST):$(HELLO_SERVICE_PORT)"}
        """.Replace("PODNAME", name).Replace("CONFIGMAP", configMap).Replace("SECRET", secret);

    private static Dictionary<string, string> ParseEnv(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);

    [Fact]
    public void Exec_Env_ShowsEverySource_AndTheServiceLinks()
    {
        var ns = f.NewNamespace("envsrc");
        f.Kubectl.Ok("-n", ns, "apply", "-f", f.TempFile("objects.yaml", Objects("cfg", "creds")));
        f.Kubectl.Ok("-n", ns, "apply", "-f", f.TempFile("pod.yaml", EnvPod("env-pod", "cfg", "creds")));
        f.Kubectl.Ok("-n", ns, "wait", "--for=condition=Ready", "pod/env-pod", "--timeout=60s");

        var env = ParseEnv(f.Kubectl.Ok("-n", ns, "exec", "env-pod", "--", "env"));
        var clusterIP = f.Kubectl.Ok("-n", ns, "get", "svc", "hello", "-o", "jsonpath={.spec.clusterIP}");
        var podIP = f.Kubectl.Ok("-n", ns, "get", "pod", "env-pod", "-o", "jsonpath={.status.podIP}");
        var node = f.Kubectl.Ok("-n", ns, "get", "pod", "env-pod", "-o", "jsonpath={.spec.nodeName}");
        Assert.NotEmpty(clusterIP);
        Assert.NotEmpty(podIP);
        var expected = new Dictionary<string, string>
        {
            ["COLOR"] = "blue",
            ["PASSWORD"] = "s3cret",
            ["CFG_color"] = "blue",
            ["CFG_size"] = "L",
            ["POD_NAME"] = "env-pod",
            ["POD_IP"] = podIP,
            ["NODE"] = node,
            ["APP"] = "env-test",
            ["MEMORY_MI"] = "64",
            ["CPU_REQUEST_M"] = "100",
            ["GREETING"] = $"blue at {clusterIP}:8080",
            ["HELLO_SERVICE_HOST"] = clusterIP,
            ["HELLO_SERVICE_PORT"] = "8080",
            ["HELLO_SERVICE_PORT_HTTP"] = "8080",
            ["HELLO_PORT"] = $"tcp://{clusterIP}:8080",
            ["HELLO_PORT_8080_TCP"] = $"tcp://{clusterIP}:8080",
            ["HELLO_PORT_8080_TCP_PROTO"] = "tcp",
            ["HELLO_PORT_8080_TCP_PORT"] = "8080",
            ["HELLO_PORT_8080_TCP_ADDR"] = clusterIP,
            ["KUBERNETES_PORT_443_TCP_PROTO"] = "tcp",
        };
        foreach (var (k, v) in expected)
            Assert.True(env.TryGetValue(k, out var actual) && actual == v, $"{k}: expected '{v}', got '{actual}'");
        Assert.False(env.ContainsKey("MISSING_OK"));
        Assert.Equal("x", env["CFG_1bad"]);
        Assert.Equal("L", env["size"]);
        Assert.False(env.ContainsKey("1bad"));
        Assert.Equal("s3cret\n", f.Kubectl.Ok("-n", ns, "exec", "env-pod", "--", "printenv", "PASSWORD"));
        Assert.Equal("started with blue in env-pod, not $(COLOR)\n", f.Kubectl.Ok("-n", ns, "logs", "env-pod"));
        f.Kubectl.WaitFor("InvalidEnvironmentVariableNames.*Keys \\[1bad\\] from the EnvFrom configMap " + ns + "/cfg were skipped",
            "-n", ns, "get", "events", "--field-selector", "involvedObject.name=env-pod");
    }

    [Fact]
    public void MissingConfigMap_CreateContainerConfigError_UntilItIsCreated()
    {
        var ns = f.NewNamespace("envmissing");
        f.Kubectl.Ok("-n", ns, "apply", "-f", f.TempFile("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: waits}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: c
                image: busybox
                command: [sleep, "3600"]
                env:
                - {name: SETTING, valueFrom: {configMapKeyRef: {name: late, key: setting}}}
            """));
        f.Kubectl.WaitFor(@"^waits\s+0/1\s+CreateContainerConfigError\s+0\s", "-n", ns, "get", "pod", "waits");
        Assert.Equal("configmap \"late\" not found",
            f.Kubectl.Ok("-n", ns, "get", "pod", "waits", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.message}"));
        Assert.Equal("True False",
            f.Kubectl.Ok("-n", ns, "get", "pod", "waits", "-o", "jsonpath={.status.conditions[?(@.type==\"PodReadyToStartContainers\")].status} {.status.conditions[?(@.type==\"Ready\")].status}"));
        Assert.NotEmpty(f.Kubectl.Ok("-n", ns, "get", "pod", "waits", "-o", "jsonpath={.status.podIP}"));
        f.Kubectl.WaitFor(@"Warning\s+Failed\s+pod/waits\s+Error: configmap ""late"" not found",
            "-n", ns, "get", "events", "--field-selector", "involvedObject.name=waits");

        f.Kubectl.Ok("-n", ns, "create", "configmap", "late", "--from-literal=other=1");
        f.Kubectl.WaitFor("couldn't find key setting in ConfigMap " + ns + "/late",
            "-n", ns, "get", "pod", "waits", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.message}");

        var created = DateTime.UtcNow;
        f.Kubectl.Ok("-n", ns, "create", "configmap", "late-2", "--from-literal=setting=on"); // unrelated: no start
        f.Kubectl.Ok("-n", ns, "patch", "configmap", "late", "--type=merge", "-p", """{"data":{"setting":"on"}}""");
        f.Kubectl.Ok("-n", ns, "wait", "--for=condition=Ready", "pod/waits", "--timeout=30s");
        Assert.True(DateTime.UtcNow - created < TimeSpan.FromSeconds(10), "the pod should start soon after its ConfigMap has the key");
        Assert.Equal("on\n", f.Kubectl.Ok("-n", ns, "exec", "waits", "--", "printenv", "SETTING"));
    }
}
