using System.Management.Automation;
using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Tests.Yaml;

public sealed class KubeYamlTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx-deployment
          labels: {app: nginx}
        spec:
          replicas: 2
          selector: {matchLabels: {app: nginx}}
          template:
            metadata: {labels: {app: nginx}}
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
                ports: [{containerPort: 80}]
        ---
        apiVersion: stable.example.com/v1
        kind: CronTab
        metadata: {name: my-cron}
        spec: {cronSpec: "* * * * */5"}
        """;

    [Fact]
    public void KnownKinds_BecomeTypedModels_OthersGenericObjects()
    {
        var objects = KubeYaml.FromYaml(Deployment, "deployment.yaml");
        var deployment = Assert.IsType<V1Deployment>(objects[0]);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal(80, deployment.Spec.Template.Spec.Containers[0].Ports[0].ContainerPort);
        var cron = Assert.IsType<PSObject>(objects[1]);
        Assert.Equal("PracticeK8s.KubeObject#stable.example.com/v1/CronTab", cron.TypeNames[0]);
        Assert.Equal("* * * * */5", ((PSObject)cron.Properties["spec"].Value).Properties["cronSpec"].Value);
    }

    [Fact]
    public void Lists_AreOpenedIntoTheirItems()
    {
        var objects = KubeYaml.FromYaml("apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n", "l");
        Assert.Equal(new[] { "a", "b" }, objects.Cast<V1ConfigMap>().Select(c => c.Metadata.Name));
    }

    [Fact]
    public void SchemaMismatch_NamesTheDocument()
    {
        var error = Assert.Throws<KubeYamlException>(() =>
            KubeYaml.FromYaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bad}\nspec: {replicas: many}\n", "f.yaml"));
        Assert.Equal(2, error.Document);
        Assert.Contains("Deployment \"bad\"", error.Message);
        Assert.Contains("replicas", error.Message);
    }

    [Fact]
    public void RoundTrip_TypedObjectToYamlAndBack()
    {
        var objects = KubeYaml.FromYaml(Deployment, "deployment.yaml");
        var text = KubeYaml.ToYaml(objects, forApply: false);
        var again = KubeYaml.FromYaml(text, "again");
        Assert.Equal(2, again.Count);
        Assert.Equal("nginx:1.14.2", ((V1Deployment)again[0]).Spec.Template.Spec.Containers[0].Image);
        Assert.Contains("---\n", text);
    }

    [Fact]
    public void ForApply_DropsWhatTheServerFillsIn()
    {
        var live = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"d","uid":"u","resourceVersion":"7",
             "creationTimestamp":"2026-01-01T00:00:00Z","managedFields":[{"manager":"m"}],
             "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}","deployment.kubernetes.io/revision":"3","keep":"me"}},"data":{"k":"v"},"status":{}}
            """)!;
        var text = KubeYaml.ToYaml([live], forApply: true);
        Assert.DoesNotContain("uid", text);
        Assert.DoesNotContain("resourceVersion", text);
        Assert.DoesNotContain("managedFields", text);
        Assert.DoesNotContain("creationTimestamp", text);
        Assert.DoesNotContain("last-applied", text);
        Assert.DoesNotContain("revision", text);
        Assert.DoesNotContain("status", text);
        Assert.Contains("keep: me", text);
        Assert.Contains("namespace: d", text);
    }

    [Fact]
    public void Hashtables_AndPSCustomObjects_Convert()
    {
        var table = new System.Collections.Hashtable { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new System.Collections.Hashtable { ["name"] = "team" } };
        var text = KubeYaml.ToYaml([table], forApply: false);
        Assert.Equal("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n", text);
    }
}
