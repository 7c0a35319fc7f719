using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using k8s.Autorest;
using k8s.Models;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.Conformance;

[Collection(SandboxCollection.Name)]
public sealed class ProcessAndAuthTests(SandboxFixture f)
{
    [Fact]
    public async Task Version_AndHealth_AnswerWithoutAToken()
    {
        using var http = f.Server.Http(token: null);
        var version = JsonDocument.Parse(await http.GetStringAsync("/version")).RootElement;
        Assert.Equal("1", version.GetProperty("major").GetString());
        Assert.Equal("32", version.GetProperty("minor").GetString());
        Assert.StartsWith("v1.32.", version.GetProperty("gitVersion").GetString());
        foreach (var path in new[] { "/healthz", "/livez", "/readyz" })
            Assert.Equal("ok", await http.GetStringAsync(path));
    }

    [Fact]
    public void StartupFiles_DescribeTheRunningServer()
    {
        Assert.Contains($"PracticeK8s sandbox listening on {f.Server.Url}", f.Server.StandardOutput);
        Assert.Equal($"https://127.0.0.1:{f.Server.Port}", f.Server.Url);
        var kubeconfig = File.ReadAllText(f.Server.KubeconfigPath);
        Assert.Contains("current-context: practicek8s-sandbox", kubeconfig);
        Assert.Contains("name: practicek8s-sandbox-readonly", kubeconfig);
        Assert.Contains($"token: {f.Server.ReadOnlyToken}", kubeconfig);
        Assert.Contains($"server: {f.Server.Url}", kubeconfig);
        var ready = JsonDocument.Parse(File.ReadAllText(Path.Combine(f.Server.DataDir, "sandbox.json"))).RootElement;
        Assert.Equal(f.Server.Pid, ready.GetProperty("pid").GetInt32());
        Assert.True(DateTime.TryParse(ready.GetProperty("startedAt").GetString(), out _));
    }

    [Fact]
    public void ServerCertificate_HasLoopbackSans_ServerAuth_Sha256_AndChainsToTheCa()
    {
        using var cert = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(f.Server.DataDir, "server.crt")));
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(f.Server.DataDir, "ca.crt")));
        var san = cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", san.EnumerateDnsNames());
        var ips = san.EnumerateIPAddresses().Select(i => i.ToString()).ToList();
        Assert.Contains("127.0.0.1", ips);
        Assert.Contains("::1", ips);
        var eku = cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Contains(eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        Assert.Equal("1.2.840.10045.4.3.2", cert.SignatureAlgorithm.Value); // ecdsa-with-SHA256
        Assert.Equal(ca.Subject, cert.Issuer);
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
    }

    [Fact]
    public async Task NoOrWrongToken_Gets401Status()
    {
        foreach (var token in new string?[] { null, "not-the-token" })
        {
            using var http = f.Server.Http(token);
            var response = await http.GetAsync("/api/v1/namespaces");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Status", status.GetProperty("kind").GetString());
            Assert.Equal("Unauthorized", status.GetProperty("reason").GetString());
            Assert.Equal(401, status.GetProperty("code").GetInt32());
        }
        var kubeconfig = f.TempFile("bad-kubeconfig", File.ReadAllText(f.Server.KubeconfigPath).Replace(f.Server.AdminToken, "wrong"));
        var kubectl = new Kubectl(kubeconfig, Path.Combine(Path.GetDirectoryName(kubeconfig)!, "cache"));
        var r = kubectl.Run("get", "pods");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("You must be logged in to the server", r.Stderr);
    }

    [Fact]
    public async Task ReadOnlyUser_CanRead_ButWritesAre403()
    {
        var ns = f.NewNamespace("ro");
        var pods = await f.ReadOnly.CoreV1.ListNamespacedPodAsync(ns);
        Assert.Empty(pods.Items);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => f.ReadOnly.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, ns));
        Assert.Equal(HttpStatusCode.Forbidden, e.Response.StatusCode);
        var status = JsonDocument.Parse(e.Response.Content).RootElement;
        Assert.Equal("Forbidden", status.GetProperty("reason").GetString());
        Assert.Equal($"configmaps is forbidden: User \"practicek8s-readonly\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"{ns}\"",
            status.GetProperty("message").GetString());
        Assert.Empty((await f.Admin.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.WithoutClusterDefaults());

        var r = f.Kubectl.Run("--context", "practicek8s-sandbox-readonly", "-n", ns, "delete", "configmap", "anything");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Error from server (Forbidden)", r.Stderr);
        Assert.Contains("cannot delete resource \"configmaps\"", r.Stderr);
    }

    [Fact]
    public void AuthCanI_AndWhoAmI_AgreeWithWhatTheServerEnforces()
    {
        Assert.Equal("yes", f.Kubectl.Run("auth", "can-i", "create", "pods").Stdout.Trim());
        Assert.Equal("yes", f.Kubectl.Run("auth", "can-i", "delete", "deployments.apps", "-n", "kube-system").Stdout.Trim());
        var ro = new[] { "--context", "practicek8s-sandbox-readonly" };
        var denied = f.Kubectl.Run(ro.Concat(new[] { "auth", "can-i", "create", "pods" }), null, null);
        Assert.Equal("no", denied.Stdout.Trim());
        Assert.Equal(1, denied.ExitCode);
        Assert.Equal("yes", f.Kubectl.Run(ro.Concat(new[] { "auth", "can-i", "list", "pods" }), null, null).Stdout.Trim());
        Assert.Contains("practicek8s-readonly", f.Kubectl.Run(ro.Concat(new[] { "auth", "whoami" }), null, null).Stdout);
        Assert.Contains("practicek8s-admin", f.Kubectl.Ok("auth", "whoami"));
    }
}
