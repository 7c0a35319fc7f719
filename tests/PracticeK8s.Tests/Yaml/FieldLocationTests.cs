using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Tests.Yaml;

public sealed class FieldLocationTests
{
    private const string Manifest = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: first}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: abc
          template:
            spec:
              containers:
              - name: a
                image: nginx
              - name: b
                ports: oops
        """;

    [Fact]
    public void Segments_ReadKeysIndexesAndQuotedKeys() =>
        Assert.Equal(["spec", "containers", 1, "ports", "a.b"], FieldLocation.Segments("$.spec.containers[1].ports['a.b']"));

    [Theory]
    [InlineData("$.spec.replicas", 10, 13)]
    [InlineData("$.spec.template.spec.containers[1].ports", 17, 16)]
    [InlineData("$.metadata.name", 8, 9)]
    public void Find_GivesTheValuesLineAndColumnInItsDocument(string path, int line, int column) =>
        Assert.Equal((line, column), FieldLocation.Find(Manifest, 2, FieldLocation.Segments(path)));

    [Fact]
    public void Find_GivesNothingForAFieldThatIsNotThere() =>
        Assert.Null(FieldLocation.Find(Manifest, 2, FieldLocation.Segments("$.spec.paused")));

    [Theory]
    [InlineData("The JSON value could not be converted to System.Nullable`1[System.Int32]. Path: $.spec.replicas | LineNumber: 0", "expected an integer")]
    [InlineData("The JSON value could not be converted to System.Boolean. Path: $.spec.paused", "expected true or false")]
    [InlineData("The JSON value could not be converted to System.Collections.Generic.IList`1[k8s.Models.V1ContainerPort]. Path: $.x", "expected a list")]
    public void Expected_NamesTheTypeAsTheApiDoes(string message, string expected) =>
        Assert.Equal(expected, FieldLocation.Expected(message));

    [Fact]
    public void ASchemaError_NamesTheFieldsLineValueAndType()
    {
        var error = Assert.Throws<KubeYamlException>(() => KubeYaml.FromYaml(Manifest, "web.yaml"));
        Assert.Equal("error parsing web.yaml: document 2, line 10, column 13: Deployment \"web\" does not match its schema at spec.replicas: expected an integer, got \"abc\"", error.Message);
    }
}
