using System.Collections;
using System.Management.Automation;
using k8s.Models;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Targets;

namespace PracticeK8s.Tests.Targets;

public sealed class InputReferenceTests
{
    [Fact]
    public void ATypedObject_NamesItself_AndTheKindGuardRefusesOtherKinds()
    {
        var deployment = new V1Deployment { ApiVersion = "apps/v1", Kind = "Deployment", Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "demo" } };
        var reference = InputReference.From(PSObject.AsPSObject(deployment));
        Assert.Equal(new InputReference("apps/v1", "Deployment", "demo", "web"), reference);
        var target = reference.For(KindCatalog.Deployment, "default", "Remove-KubeDeployment");
        Assert.Equal("deployment.apps/web in namespace demo", target.Describe());
        var error = Assert.Throws<KubeException>(() => reference.For(KindCatalog.Pod, "default", "Remove-KubePod"));
        Assert.Equal("KubeKindMismatch", error.ErrorId);
        Assert.Equal("Remove-KubePod acts on Pod objects, but the input is a Deployment (\"web\")", error.Message);
    }

    [Fact]
    public void AString_IsAName_InTheDefaultNamespace() =>
        Assert.Equal("pod/p1 in namespace default", InputReference.From("p1").For(KindCatalog.Pod, "default", "Remove-KubePod").Describe());

    [Fact]
    public void AnyObjectWithNameAndNamespaceProperties_Works()
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("Name", "p2"));
        row.Properties.Add(new PSNoteProperty("Namespace", "ops"));
        Assert.Equal(new InputReference(null, null, "ops", "p2"), InputReference.From(row));
        Assert.Equal(new InputReference(null, null, null, "p3"), InputReference.From(new Hashtable { ["Name"] = "p3" }));
    }

    [Fact]
    public void ClusterScopedKinds_HaveNoNamespace() =>
        Assert.Null(InputReference.From("n1").For(KindCatalog.Namespace, "default", "Remove-KubeNamespace").Namespace);

    [Fact]
    public void SomethingWithoutAName_IsRefused() =>
        Assert.Equal("KubeInputInvalid", Assert.Throws<KubeException>(() => InputReference.From(42)).ErrorId);
}
