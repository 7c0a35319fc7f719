using System.Diagnostics;
using System.Net;

namespace PracticeK8s.Sandbox.Tests.Volumes;

/// <summary>
/// Volumes seen from inside pods of a sandbox with --isolation namespaces, through stock kubectl:
/// configMap and secret files (kubelet's ..data layout, modes, updates), emptyDir, the projected
/// service-account token against the sandbox's API, and a StatefulSet's claim outliving its pod.
/// </summary>
public sealed class VolumeTests(IsolatedVolumeSandbox s) : IClassFixture<IsolatedVolumeSandbox>
{
    [Fact]
    public void ConfigMap_FilesAtTheMountPath_FollowKubectlEdit_WithinSeconds()
    {
        s.Apply("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: app-config}
            data: {greeting: hello, color: blue}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: cm-reader}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: c
                image: busybox
                command: [sleep, "3600"]
                volumeMounts: [{name: config, mountPath: /etc/app}]
              volumes: [{name: config, configMap: {name: app-config}}]
            """);
        s.WaitReady("cm-reader");
        Assert.Equal("hello", s.ExecOk("cm-reader", "cat", "/etc/app/greeting"));
        Assert.Equal("..data/greeting", s.ExecOk("cm-reader", "readlink", "/etc/app/greeting").Trim());
        var payload = s.ExecOk("cm-reader", "readlink", "/etc/app/..data").Trim();
        Assert.Matches(@"^\.\.\d{4}_\d{2}_\d{2}_\d{2}_\d{2}_\d{2}\.\d+$", payload);
        Assert.NotEqual(0, s.Exec("cm-reader", null, "touch", "/etc/app/new").ExitCode); // mounted read-only

        var editor = Path.Combine(s.Root, "edit-greeting.sh");
        File.WriteAllText(editor, "#!/bin/sh\nsed -i 's/greeting: hello/greeting: edited/' \"$1\"\n");
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var edit = s.Kubectl.Run(new[] { "-n", VolumeSandbox.Namespace, "edit", "configmap", "app-config" }, null,
            new Dictionary<string, string> { ["EDITOR"] = editor, ["KUBE_EDITOR"] = editor });
        Assert.True(edit.ExitCode == 0, edit.ToString());
        var watch = Stopwatch.StartNew();
        Assert.Equal("edited", VolumeSandbox.Eventually(() => s.ExecOk("cm-reader", "cat", "/etc/app/greeting"), "edited"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"update seen after {watch.Elapsed}");
        Assert.NotEqual(payload, s.ExecOk("cm-reader", "readlink", "/etc/app/..data").Trim()); // swapped, not rewritten in place
        Assert.Equal("blue", s.ExecOk("cm-reader", "cat", "/etc/app/color"));
    }

    [Fact]
    public void Secret_DefaultModeAndItemModes_AreWhatStatShows()
    {
        s.Apply("""
            apiVersion: v1
            kind: Secret
            metadata: {name: creds}
            stringData: {username: admin, password: s3cr3t}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: secret-reader}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: c
                image: busybox
                command: [sleep, "3600"]
                volumeMounts:
                - {name: all, mountPath: /secrets/all}
                - {name: picked, mountPath: /secrets/picked}
                - {name: maybe, mountPath: /secrets/maybe}
              volumes:
              - {name: maybe, secret: {secretName: not-there, optional: true}}
              - {name: all, secret: {secretName: creds, defaultMode: 0400}}
              - name: picked
                secret:
                  secretName: creds
                  items: [{key: password, path: db/pass, mode: 0440}]
            """);
        s.WaitReady("secret-reader");
        Assert.Equal("400\n400\n", s.ExecOk("secret-reader", "stat", "-L", "-c", "%a", "/secrets/all/username", "/secrets/all/password"));
        Assert.Equal("s3cr3t", s.ExecOk("secret-reader", "cat", "/secrets/picked/db/pass"));
        Assert.Equal("440\n", s.ExecOk("secret-reader", "stat", "-L", "-c", "%a", "/secrets/picked/db/pass"));
        Assert.NotEqual(0, s.Exec("secret-reader", null, "test", "-e", "/secrets/picked/username").ExitCode);
        Assert.Equal("", s.ExecOk("secret-reader", "ls", "/secrets/maybe")); // optional and missing: an empty volume
    }

    [Fact]
    public void MissingConfigMap_KeepsThePodContainerCreating_WithFailedMount_UntilItExists()
    {
        s.Apply("""
            apiVersion: v1
            kind: Pod
            metadata: {name: waits-for-config}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: c
                image: busybox
                command: [sleep, "3600"]
                volumeMounts: [{name: late, mountPath: /late}]
              volumes: [{name: late, configMap: {name: late-config}}]
            """);
        s.Kubectl.WaitFor("FailedMount", "-n", VolumeSandbox.Namespace, "get", "events", "--field-selector", "involvedObject.name=waits-for-config");
        var events = s.Ok("get", "events", "--field-selector", "involvedObject.name=waits-for-config,reason=FailedMount", "-o", "jsonpath={.items[*].message}");
        Assert.Contains("MountVolume.SetUp failed for volume \"late\" : configmap \"late-config\" not found", events);
        Assert.Equal("ContainerCreating", s.Ok("get", "pod", "waits-for-config", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}"));
        s.Apply($$$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: wants-host-file}
            spec:
              containers: [{name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: f, mountPath: /f}]}]
              volumes: [{name: f, hostPath: {path: {{{Path.Combine(s.Root, "no-such-file")}}}, type: File}}]
            """);
        s.Kubectl.WaitFor("hostPath type check failed: .*no-such-file is not a file", "-n", VolumeSandbox.Namespace, "get", "events",
            "--field-selector", "involvedObject.name=wants-host-file,reason=FailedMount", "-o", "jsonpath={.items[*].message}");
        s.Ok("delete", "pod", "wants-host-file", "--grace-period=0", "--force");
        s.Ok("create", "configmap", "late-config", "--from-literal=k=v");
        s.WaitReady("waits-for-config");
        Assert.Equal("v", s.ExecOk("waits-for-config", "cat", "/late/k"));
    }

    [Fact]
    public void EmptyDir_IsSharedByTheContainers_AndKeptAcrossARestart()
    {
        // The writer appends a line and exits the first time (restartPolicy Always restarts it at once),
        // the second time it finds its earlier line and stays.
        s.Apply("""
            apiVersion: v1
            kind: Pod
            metadata: {name: shared}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: writer
                image: busybox
                command: [sh, -c, 'echo run >> /work/runs; [ "$(wc -l < /work/runs)" -ge 2 ] || exit 1; exec sleep 3600']
                volumeMounts: [{name: scratch, mountPath: /work}]
              - name: reader
                image: busybox
                command: [sleep, "3600"]
                volumeMounts: [{name: scratch, mountPath: /from-writer}]
              volumes: [{name: scratch, emptyDir: {}}]
            """);
        s.Kubectl.WaitFor("^1 true$", "-n", VolumeSandbox.Namespace, "get", "pod", "shared", "-o",
            "jsonpath={.status.containerStatuses[?(@.name==\"writer\")].restartCount} {.status.containerStatuses[?(@.name==\"writer\")].ready}");
        // Running is reported once the process starts; its first line may take a moment more.
        Assert.Equal("run\nrun\n", VolumeSandbox.Eventually(() => s.Exec("shared", "reader", "cat", "/from-writer/runs").Stdout, "run\nrun\n", 5));
        Assert.Equal(0, s.Exec("shared", "reader", "sh", "-c", "echo back > /from-writer/reply").ExitCode);
        Assert.Equal("back\n", s.Exec("shared", "writer", "cat", "/work/reply").Stdout);
    }

    [Fact]
    public void ServiceAccountToken_AnswersInsideThePod_IsForbiddenToListPods_AndDiesWithThePod()
    {
        s.Apply("""
            apiVersion: v1
            kind: Pod
            metadata: {name: in-cluster}
            spec:
              terminationGracePeriodSeconds: 1
              containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
            """);
        s.WaitReady("in-cluster");
        const string sa = "/var/run/secrets/kubernetes.io/serviceaccount";
        Assert.Equal(VolumeSandbox.Namespace, s.ExecOk("in-cluster", "cat", $"{sa}/namespace"));
        string Curl(string path) => s.ExecOk("in-cluster", "sh", "-c",
            $"curl -sS -o /dev/null -w '%{{http_code}}' --cacert {sa}/ca.crt -H \"Authorization: Bearer $(cat {sa}/token)\" " +
            $"\"https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT{path}\"");
        Assert.Equal("200", Curl("/api"));
        Assert.Equal("200", Curl("/apis"));
        Assert.Equal("403", Curl($"/api/v1/namespaces/{VolumeSandbox.Namespace}/pods"));
        var denial = s.ExecOk("in-cluster", "sh", "-c",
            $"curl -sS --cacert {sa}/ca.crt -H \"Authorization: Bearer $(cat {sa}/token)\" \"https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT/api/v1/namespaces/{VolumeSandbox.Namespace}/pods\"");
        Assert.Contains($"pods is forbidden: User \\\"system:serviceaccount:{VolumeSandbox.Namespace}:default\\\" cannot list resource \\\"pods\\\" in API group \\\"\\\" in the namespace \\\"{VolumeSandbox.Namespace}\\\"", denial);

        var token = s.ExecOk("in-cluster", "cat", $"{sa}/token");
        Assert.Contains($"system:serviceaccount:{VolumeSandbox.Namespace}:default",
            s.Kubectl.Ok("--token", token, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"));
        Assert.Equal("no", s.Kubectl.Run("--token", token, "auth", "can-i", "get", "secrets").Stdout.Trim());
        using var http = s.Server.Http(token);
        Assert.Equal(HttpStatusCode.OK, http.GetAsync("/api").Result.StatusCode);
        s.Ok("delete", "pod", "in-cluster", "--wait=true");
        Assert.Equal(HttpStatusCode.Unauthorized, http.GetAsync("/api").Result.StatusCode);
    }

    [Fact]
    public void StatefulSetClaim_OutlivesItsPod_AndItsDirectoryGoesWithTheVolume()
    {
        s.Apply("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: my-csi-app-set}
            spec:
              serviceName: my-csi-app
              replicas: 1
              selector: {matchLabels: {app: my-csi-app}}
              template:
                metadata: {labels: {app: my-csi-app}}
                spec:
                  terminationGracePeriodSeconds: 1
                  containers:
                  - name: app
                    image: busybox
                    command: [sleep, "3600"]
                    volumeMounts: [{name: data, mountPath: /data}]
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 10Gi}}
            """);
        s.WaitReady("my-csi-app-set-0");
        s.ExecOk("my-csi-app-set-0", "sh", "-c", "echo kept > /data/f");
        var pv = s.Ok("get", "pvc", "data-my-csi-app-set-0", "-o", "jsonpath={.spec.volumeName}");
        var dir = Path.Combine(s.Server.DataDir, "volumes", pv);
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(dir, "f")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));

        var oldUid = s.Ok("get", "pod", "my-csi-app-set-0", "-o", "jsonpath={.metadata.uid}");
        s.Ok("delete", "pod", "my-csi-app-set-0");
        VolumeSandbox.Eventually(() => s.Kubectl.Run("-n", VolumeSandbox.Namespace, "get", "pod", "my-csi-app-set-0", "-o", "jsonpath={.metadata.uid}").Stdout is var u && u.Length > 0 && u != oldUid ? "new" : "old", "new", 30);
        s.WaitReady("my-csi-app-set-0");
        Assert.Equal("kept\n", s.ExecOk("my-csi-app-set-0", "cat", "/data/f"));

        // Reclaim policy Delete: the claim goes, the volume goes, and so does its directory.
        s.Ok("delete", "statefulset", "my-csi-app-set");
        s.Ok("delete", "pvc", "data-my-csi-app-set-0", "--wait=false");
        Assert.Equal("gone", VolumeSandbox.Eventually(() => Directory.Exists(dir) ? "there" : "gone", "gone", 30));
        Assert.Equal("", s.Kubectl.Run("get", "pv", pv, "--ignore-not-found", "-o", "name").Stdout);
    }

    [Fact]
    public void DownwardApi_Projected_HostPath_AndSubPath_AreWhereTheSpecSays()
    {
        var hostDir = Path.Combine(s.Root, "host-share");
        s.Apply($$$"""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: parts}
            data: {one: "1", two: "2"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: mixed, labels: {tier: web}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: c
                image: busybox
                command: [sleep, "3600"]
                resources: {limits: {memory: 64Mi, cpu: 500m}}
                volumeMounts:
                - {name: info, mountPath: /info}
                - {name: all, mountPath: /all}
                - {name: host, mountPath: /host}
                - {name: parts, mountPath: /etc/one.conf, subPath: one}
                - {name: scratch, mountPath: /scratch}
                - {name: scratch, mountPath: /deep, subPath: nested/dir}
              volumes:
              - name: info
                downwardAPI:
                  items:
                  - {path: labels, fieldRef: {fieldPath: metadata.labels}}
                  - {path: mem, resourceFieldRef: {containerName: c, resource: limits.memory, divisor: 1Mi}}
                  - {path: cpu, resourceFieldRef: {containerName: c, resource: limits.cpu, divisor: 1m}}
              - name: all
                projected:
                  sources:
                  - configMap: {name: parts, items: [{key: two, path: two.txt}]}
                  - downwardAPI: {items: [{path: podname, fieldRef: {fieldPath: metadata.name}}]}
              - {name: host, hostPath: {path: {{{hostDir}}}, type: DirectoryOrCreate}}
              - {name: scratch, emptyDir: {}}
              - {name: parts, configMap: {name: parts}}
            """);
        s.WaitReady("mixed");
        Assert.Equal("tier=\"web\"", s.ExecOk("mixed", "cat", "/info/labels"));
        Assert.Equal("64", s.ExecOk("mixed", "cat", "/info/mem"));
        Assert.Equal("500", s.ExecOk("mixed", "cat", "/info/cpu"));
        Assert.Equal("2|mixed", s.ExecOk("mixed", "sh", "-c", "echo \"$(cat /all/two.txt)|$(cat /all/podname)\"").Trim());
        Assert.Equal("1", s.ExecOk("mixed", "cat", "/etc/one.conf"));
        s.ExecOk("mixed", "sh", "-c", "echo from-pod > /host/written && echo deep > /deep/f");
        Assert.Equal("from-pod\n", File.ReadAllText(Path.Combine(hostDir, "written"))); // hostPath: the host's own directory
        Assert.Equal("deep\n", s.ExecOk("mixed", "cat", "/scratch/nested/dir/f")); // the subPath is a directory of the volume

        s.Ok("label", "pod", "mixed", "tier=api", "--overwrite");
        Assert.Equal("tier=\"api\"", VolumeSandbox.Eventually(() => s.ExecOk("mixed", "cat", "/info/labels"), "tier=\"api\""));
    }

    [Fact]
    public void RetainedVolume_KeepsItsDirectoryAfterTheClaim_UntilThePvIsDeleted()
    {
        s.Apply("""
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: keep-me}
            spec:
              storageClassName: linode-block-storage-retain
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 10Gi}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: keeper}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: c
                image: busybox
                command: [sh, -c, "echo retained > /data/f; exec sleep 3600"]
                volumeMounts: [{name: data, mountPath: /data}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: keep-me}}]
            """);
        s.WaitReady("keeper");
        var pv = s.Ok("get", "pvc", "keep-me", "-o", "jsonpath={.spec.volumeName}");
        var file = Path.Combine(s.Server.DataDir, "volumes", pv, "f");
        Assert.Equal("retained\n", VolumeSandbox.Eventually(() => File.Exists(file) ? File.ReadAllText(file) : "", "retained\n", 5));

        s.Ok("delete", "pod", "keeper");
        s.Ok("delete", "pvc", "keep-me");
        s.Kubectl.WaitFor("^Released$", "get", "pv", pv, "-o", "jsonpath={.status.phase}");
        Assert.Equal("retained\n", File.ReadAllText(file));

        s.Ok("delete", "pv", pv);
        Assert.Equal("gone", VolumeSandbox.Eventually(() => Directory.Exists(Path.GetDirectoryName(file)) ? "there" : "gone", "gone", 30));
    }

    [Fact]
    public void ALinkThePodPlantedOnTheMountPath_IsGoneOnTheRestart_AndNothingIsMadeOnTheHost()
    {
        // The first run moves /var/run away and leaves a link to a host directory in its place. The restart
        // gets a fresh root, so the token's mount path is the container's own again (the root script
        // would refuse a mount path through a link); nothing lands in the host directory.
        var target = Path.Combine(s.Root, "planted-target");
        Directory.CreateDirectory(target);
        s.Apply($$$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: planter}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: c
                image: busybox
                command: [sh, -c, 'if [ -L /var/run ]; then echo planted link still there; fi; ls /var/run/secrets/kubernetes.io/serviceaccount; mv /var/run /var/run.old && ln -s {{{target}}} /var/run; exit 1']
            """);
        s.Kubectl.WaitFor("^[1-9]", TimeSpan.FromSeconds(60), "-n", VolumeSandbox.Namespace, "get", "pod", "planter", "-o", "jsonpath={.status.containerStatuses[0].restartCount}");
        var log = s.Kubectl.WaitFor("token", "-n", VolumeSandbox.Namespace, "logs", "planter");
        Assert.DoesNotContain("planted link still there", log);
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    [Fact]
    public void ASubPathAnotherContainerSwappedForALink_IsRefused()
    {
        // The init container replaces the subPath directory with a link to a host directory before the
        // app container, which mounts that subPath, starts.
        var target = Path.Combine(s.Root, "swapped-target");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "host-secret"), "not for pods");
        s.Apply($$$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: swapper}
            spec:
              terminationGracePeriodSeconds: 1
              initContainers:
              - name: swap
                image: busybox
                command: [sh, -c, 'rm -rf /shared/sub && ln -s {{{target}}} /shared/sub']
                volumeMounts: [{name: scratch, mountPath: /shared}]
              containers:
              - name: app
                image: busybox
                command: [sh, -c, 'cat /inner/host-secret; sleep 3600']
                volumeMounts: [{name: scratch, mountPath: /inner, subPath: sub}]
              volumes: [{name: scratch, emptyDir: {}}]
            """);
        var log = s.Kubectl.WaitFor("subPath resolves outside the volume", "-n", VolumeSandbox.Namespace, "logs", "swapper", "-c", "app");
        Assert.DoesNotContain("not for pods", log);
    }
}
