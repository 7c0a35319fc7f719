using System.Net;
using System.Text.Json;
using PracticeK8s.Sandbox.Tests.Infrastructure;

namespace PracticeK8s.Sandbox.Tests.OpenApi;

/// <summary>
/// Stock kubectl 1.32 against a running sandbox, using what only the generated OpenAPI documents
/// give it: explain, fieldValidation=Strict (sent only when the document says PATCH takes it),
/// client-side apply patches computed from the documents' merge keys, explain of a custom resource.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class KubectlOpenApiTests(SandboxFixture f)
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
              - name: sidecar
                image: busybox:1.36
        """;

    [Fact]
    public void Explain_ShowsTypesRequiredFieldsAndDescriptions()
    {
        var strategy = f.Kubectl.Ok("explain", "deployment.spec.strategy");
        Assert.Contains("GROUP:      apps", strategy);
        Assert.Contains("FIELD: strategy <DeploymentStrategy>", strategy);
        Assert.Contains("  rollingUpdate\t<RollingUpdateDeployment>", strategy);
        Assert.Contains("The deployment strategy to use to replace existing pods with new ones.", strategy);

        var ports = f.Kubectl.Ok("explain", "pods.spec.containers.ports");
        Assert.Contains("  containerPort\t<integer> -required-", ports);
        Assert.Contains("  protocol\t<string>", ports);

        var probePort = f.Kubectl.Ok("explain", "pods.spec.containers.livenessProbe.httpGet.port");
        Assert.Contains("FIELD: port <IntOrString>", probePort);
    }

    [Fact]
    public async Task Apply_WithAnUnknownField_IsRejectedByStrictValidation()
    {
        var ns = f.NewNamespace("oapi-strict");
        var file = f.TempFile("unknown.yaml", Deployment.Replace("  replicas: 1", "  replicas: 1\n  foo: bar"));

        var strict = f.Kubectl.Run("-n", ns, "apply", "-f", file);
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("strict decoding error: unknown field \"spec.foo\"", strict.Stderr);
        var list = await f.Admin.AppsV1.ListNamespacedDeploymentAsync(ns);
        Assert.Empty(list.Items);

        // Without validation kubectl sends fieldValidation=Ignore and the server drops the field.
        f.Kubectl.Ok("-n", ns, "apply", "--validate=false", "-f", file);
        var created = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal(1, created.Spec.Replicas);
    }

    [Fact]
    public async Task Apply_Configure_PatchesListsByTheDocumentsMergeKeys()
    {
        var ns = f.NewNamespace("oapi-apply");
        Assert.Contains("deployment.apps/web created", f.Kubectl.Ok("-n", ns, "apply", "-f", f.TempFile("web.yaml", Deployment)));

        // One container changed, the other removed: kubectl computes a strategic merge patch from
        // the apps/v1 document (containers merged by "name"); a document it cannot use would make
        // it print "warning: error calculating patch from openapi v3 spec".
        var changed = Deployment.Replace("nginx:1.25", "nginx:1.27").Replace("\n      - name: sidecar\n        image: busybox:1.36", "");
        Assert.DoesNotContain("sidecar", changed);
        var result = f.Kubectl.Run("-n", ns, "apply", "-f", f.TempFile("web.yaml", changed));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("deployment.apps/web configured", result.Stdout);
        Assert.DoesNotContain("warning", result.Stderr, StringComparison.OrdinalIgnoreCase);

        var stored = await f.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        var container = Assert.Single(stored.Spec.Template.Spec.Containers);
        Assert.Equal("nginx", container.Name);
        Assert.Equal("nginx:1.27", container.Image);
    }

    [Fact]
    public void Explain_ACustomResource_UsesItsCrdSchema()
    {
        var crd = f.TempFile("crd.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: crontabs.openapi.example.com
            spec:
              group: openapi.example.com
              scope: Namespaced
              names: {plural: crontabs, singular: crontab, kind: CronTab}
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        description: What to run and when.
                        required: [cronSpec]
                        properties:
                          cronSpec: {type: string, description: A cron expression.}
                          image: {type: string}
            """);
        f.Kubectl.Ok("apply", "-f", crd);

        var text = f.Kubectl.Ok("explain", "crontabs.spec");
        Assert.Contains("GROUP:      openapi.example.com", text);
        Assert.Contains("KIND:       CronTab", text);
        Assert.Contains("What to run and when.", text);
        Assert.Contains("  cronSpec\t<string> -required-", text);
        Assert.Contains("A cron expression.", text);
    }

    [Fact]
    public async Task OpenApiDocuments_AreServedWithEtags_ToAuthenticatedClients()
    {
        using var http = f.Server.Http(f.Server.AdminToken);
        var root = await http.GetAsync("/openapi/v3");
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        var url = JsonDocument.Parse(await root.Content.ReadAsStringAsync()).RootElement
            .GetProperty("paths").GetProperty("apis/apps/v1").GetProperty("serverRelativeURL").GetString()!;
        Assert.StartsWith("/openapi/v3/apis/apps/v1?hash=", url);

        var document = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("application/json", document.Content.Headers.ContentType?.MediaType);
        var etag = document.Headers.ETag!;
        Assert.Equal($"\"{url[(url.IndexOf("hash=", StringComparison.Ordinal) + 5)..]}\"", etag.Tag);

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);

        using var anonymous = f.Server.Http(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v3")).StatusCode);
    }
}
