using System.Net;

namespace PracticeK8s.Sandbox.Tests.Volumes;

/// <summary>
/// The built-in nginx of an isolated pod serves its html root from a configMap mounted there (its server
/// runs in the sandbox, outside the container's mounts), and never follows a link the pod planted in
/// that root to a host file.
/// </summary>
public sealed class BuiltinImageVolumeTests(IsolatedVolumeSandbox s) : IClassFixture<IsolatedVolumeSandbox>
{
    [Fact]
    public async Task Nginx_ServesTheConfigMapMountedAtItsHtmlRoot_AndNoHostFileThroughAPlantedLink()
    {
        s.Apply("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: site}
            data: {index.html: "<h1>from a configMap</h1>"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: site, labels: {app: site}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: nginx
                image: nginx
                ports: [{containerPort: 80}]
                volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]
              volumes: [{name: html, configMap: {name: site}}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: plain, labels: {app: plain}}
            spec:
              terminationGracePeriodSeconds: 1
              containers: [{name: nginx, image: nginx, ports: [{containerPort: 80}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: site}
            spec: {type: NodePort, selector: {app: site}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: plain}
            spec: {type: NodePort, selector: {app: plain}, ports: [{port: 80}]}
            """);
        s.WaitReady("site", "plain");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        async Task<(HttpStatusCode Code, string Body)> Get(string service, string path)
        {
            var port = s.Ok("get", "service", service, "-o", "jsonpath={.spec.ports[0].nodePort}");
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (true)
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}{path}");
                    return (response.StatusCode, await response.Content.ReadAsStringAsync());
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline) { await Task.Delay(200); }
            }
        }

        Assert.Equal((HttpStatusCode.OK, "<h1>from a configMap</h1>"), await Get("site", "/"));

        // A link in the (writable) html root of the plain nginx to the sandbox's own key on the host.
        var hostKey = Path.Combine(s.Server.DataDir, "ca.key");
        Assert.True(File.Exists(hostKey));
        s.ExecOk("plain", "ln", "-s", hostKey, "/usr/share/nginx/html/key.html");
        s.ExecOk("plain", "ln", "-s", "../../../../../../../../" + hostKey.TrimStart('/'), "/usr/share/nginx/html/up.html");
        foreach (var path in new[] { "/key.html", "/up.html" })
        {
            var (code, body) = await Get("plain", path);
            Assert.Equal(HttpStatusCode.NotFound, code);
            Assert.DoesNotContain("PRIVATE KEY", body);
        }
        Assert.Equal(HttpStatusCode.OK, (await Get("plain", "/index.html")).Code);
    }
}
