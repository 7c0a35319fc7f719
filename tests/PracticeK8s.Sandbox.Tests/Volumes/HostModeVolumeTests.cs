namespace PracticeK8s.Sandbox.Tests.Volumes;

/// <summary>With --isolation none a volume is a link at its path inside the container's directory: argv-mapped commands and the built-in nginx see it.</summary>
public sealed class HostModeVolumeTests(HostModeVolumeSandbox s) : IClassFixture<HostModeVolumeSandbox>
{
    [Fact]
    public void ConfigMapVolume_IsReadableAtItsMountPath_AndFollowsUpdates()
    {
        s.Apply("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: page}
            data: {index.html: "<h1>from a configMap</h1>"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: nginx
                image: nginx
                volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]
              volumes: [{name: html, configMap: {name: page}}]
            """);
        s.WaitReady("web");
        Assert.Equal("<h1>from a configMap</h1>", s.ExecOk("web", "cat", "/usr/share/nginx/html/index.html"));
        s.Ok("patch", "configmap", "page", "-p", """{"data":{"index.html":"<h1>changed</h1>"}}""");
        Assert.Equal("<h1>changed</h1>", VolumeSandbox.Eventually(() => s.ExecOk("web", "cat", "/usr/share/nginx/html/index.html"), "<h1>changed</h1>"));
    }
}
