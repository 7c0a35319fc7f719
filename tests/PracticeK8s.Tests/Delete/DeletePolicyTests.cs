using PracticeK8s.Engine.Delete;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Delete;

public sealed class DeletePolicyTests
{
    [Fact]
    public void Defaults_LeaveTheGracePeriodToTheObject_AndCascadeInTheBackground()
    {
        var policy = DeletePolicy.From(null, force: false, null, dryRun: false);
        Assert.Null(policy.Options.GracePeriodSeconds);
        Assert.Equal("Background", policy.Options.PropagationPolicy);
        Assert.Equal("deleted", policy.Action);
        Assert.Null(policy.Warning);
        Assert.Equal("""{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"}""", policy.Options.ToJson());
    }

    [Fact]
    public void GraceZeroWithoutForce_MeansOneSecond_AsInKubectl() =>
        Assert.Equal(1, DeletePolicy.From(0, false, "Background", false).Options.GracePeriodSeconds);

    [Fact]
    public void Force_IsGraceZero_WithKubectlsWarning_AndTheForceDeletedWording()
    {
        var policy = DeletePolicy.From(null, force: true, "Foreground", false);
        Assert.Equal(0, policy.Options.GracePeriodSeconds);
        Assert.Equal("Foreground", policy.Options.PropagationPolicy);
        Assert.Equal("force deleted", policy.Action);
        Assert.StartsWith("Immediate deletion does not wait", policy.Warning);
        Assert.Equal(0, DeletePolicy.From(0, true, null, false).Options.GracePeriodSeconds);
    }

    [Fact]
    public void ForceWithAPositiveGracePeriod_IsRefused() =>
        Assert.Equal("KubeInvalidArguments", Assert.Throws<KubeException>(() => DeletePolicy.From(30, true, null, false)).ErrorId);

    [Theory]
    [InlineData("orphan", "Orphan")]
    [InlineData("FOREGROUND", "Foreground")]
    [InlineData("true", "Background")]
    [InlineData("false", "Orphan")]
    public void Cascade_AcceptsKubectlsSpellings(string given, string policy) =>
        Assert.Equal(policy, DeletePolicy.NormalizeCascade(given));

    [Fact]
    public void UnknownCascade_IsRefused() =>
        Assert.Throws<KubeException>(() => DeletePolicy.NormalizeCascade("sideways"));
}
