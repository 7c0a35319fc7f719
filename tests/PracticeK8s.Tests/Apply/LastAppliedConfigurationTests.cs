using System.Text.Json.Nodes;
using PracticeK8s.Engine.Apply;

namespace PracticeK8s.Tests.Apply;

public sealed class LastAppliedConfigurationTests
{
    private const string CourseDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx-deployment
          labels:
            app: nginx
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
                ports:
                - containerPort: 80
        """;

    [Fact]
    public void Annotation_IsByteForByteWhatKubectlWritesForTheCourseDeployment()
    {
        var obj = ManifestReader.Read(CourseDeployment, "deployment.yaml")[0].Object;
        NamespacePlacement.Place(obj, namespaced: true, "default", null, new ManifestSource("deployment.yaml"));
        LastAppliedConfiguration.Modified(obj, out var annotation);
        // The annotation kubectl 1.32 puts on this Deployment (as `kubectl get -o yaml` shows it).
        Assert.Equal(
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx-deployment","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.14.2","name":"nginx","ports":[{"containerPort":80}]}]}}}}""" + "\n",
            annotation);
    }

    [Fact]
    public void Modified_CarriesTheAnnotation_AndLeavesTheInputAlone()
    {
        var input = JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","annotations":{"team":"a"}},"data":{"k":"v"}}""")!.AsObject();
        var modified = LastAppliedConfiguration.Modified(input, out var annotation);
        Assert.Equal(annotation, modified["metadata"]!["annotations"]![LastAppliedConfiguration.Annotation]!.GetValue<string>());
        Assert.Equal("a", modified["metadata"]!["annotations"]!["team"]!.GetValue<string>());
        Assert.Contains("\"annotations\":{\"team\":\"a\"}", annotation);
        Assert.False(input["metadata"]!["annotations"]!.AsObject().ContainsKey(LastAppliedConfiguration.Annotation));
    }

    [Fact]
    public void Modified_OfAnInputThatCarriesAnOldAnnotation_RecordsTheInputWithoutIt()
    {
        var input = JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}}}""")!.AsObject();
        LastAppliedConfiguration.Modified(input, out var annotation);
        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"name":"c"}}""" + "\n", annotation);
    }

    [Fact]
    public void Of_ReadsTheRecordedConfiguration_OrNullWhenAbsentOrBroken()
    {
        var live = JsonNode.Parse("""{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"data\":{\"k\":\"v\"}}\n"}}}""")!.AsObject();
        Assert.Equal("v", LastAppliedConfiguration.Of(live)!["data"]!["k"]!.GetValue<string>());
        Assert.True(LastAppliedConfiguration.Has(live));
        Assert.Null(LastAppliedConfiguration.Of(JsonNode.Parse("""{"metadata":{}}""")!.AsObject()));
        Assert.Null(LastAppliedConfiguration.Of(JsonNode.Parse("""{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{not json"}}}""")!.AsObject()));
    }

    [Fact]
    public void WithoutNulls_DropsNullMapValuesAtEveryLevel()
    {
        var node = JsonNode.Parse("""{"a":null,"b":{"c":null,"d":1},"e":[{"f":null,"g":2}]}""");
        Assert.Equal("""{"b":{"d":1},"e":[{"g":2}]}""", LastAppliedConfiguration.WithoutNulls(node)!.ToJsonString());
    }
}
