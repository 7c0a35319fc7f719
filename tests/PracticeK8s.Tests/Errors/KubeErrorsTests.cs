using System.Management.Automation;
using System.Net;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Errors;

public sealed class KubeErrorsTests
{
    [Theory]
    [InlineData(404, "NotFound", "KubeObjectNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(409, "AlreadyExists", "KubeAlreadyExists", ErrorCategory.ResourceExists)]
    [InlineData(409, "Conflict", "KubeConflict", ErrorCategory.InvalidOperation)]
    [InlineData(422, "Invalid", "KubeInvalid", ErrorCategory.InvalidData)]
    [InlineData(400, "BadRequest", "KubeInvalid", ErrorCategory.InvalidData)]
    [InlineData(401, "Unauthorized", "KubeUnauthorized", ErrorCategory.AuthenticationError)]
    [InlineData(403, "Forbidden", "KubeForbidden", ErrorCategory.PermissionDenied)]
    [InlineData(429, "TooManyRequests", "KubeTooManyRequests", ErrorCategory.LimitsExceeded)]
    [InlineData(503, "ServiceUnavailable", "KubeServerError", ErrorCategory.ResourceUnavailable)]
    [InlineData(504, "Timeout", "KubeTimeout", ErrorCategory.OperationTimeout)]
    public void StatusAnswers_MapToErrorIdAndCategory(int code, string reason, string errorId, ErrorCategory category)
    {
        var body = $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"m","reason":"{{reason}}","code":{{code}}}""";
        var error = KubeApiException.FromResponse((HttpStatusCode)code, body, "GET", "/x", null);
        var record = KubeErrors.ToErrorRecord(error, "target");
        Assert.Equal(errorId, record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal("target", record.TargetObject);
        Assert.Equal("m", record.Exception.Message);
    }

    [Fact]
    public void StatusDetails_KeepCausesAndRetryAfter()
    {
        const string body = """
            {"kind":"Status","status":"Failure","reason":"Invalid","code":422,
             "message":"Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0",
             "details":{"name":"web","group":"apps","kind":"Deployment","retryAfterSeconds":3,
               "causes":[{"reason":"FieldValueInvalid","message":"Invalid value: -1","field":"spec.replicas"}]}}
            """;
        var error = KubeApiException.FromResponse((HttpStatusCode)422, body, "PUT", "/apis/apps/v1/namespaces/d/deployments/web", null);
        Assert.Equal("Invalid", error.Reason);
        Assert.Equal("spec.replicas", Assert.Single(error.Details!.Causes).Field);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.StartsWith("Deployment.apps \"web\" is invalid", error.Message);
    }

    [Fact]
    public void NonStatusBodies_GetKubectlsWording()
    {
        var error = KubeApiException.FromResponse(HttpStatusCode.BadGateway, "", "GET", "/x", null);
        Assert.Contains("the server rejected our request for an unknown reason", error.Message);
        Assert.Equal("Unauthorized", KubeApiException.FromResponse(HttpStatusCode.Unauthorized, "<html/>", "GET", "/x", null).Message);
    }

    [Fact]
    public void TransportFailures_AreConnectionErrors()
    {
        var record = KubeErrors.ToErrorRecord(new System.Net.Http.HttpRequestException("refused"), null);
        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        Assert.Equal("KubeConnectionFailed", record.FullyQualifiedErrorId);
    }

    [Fact]
    public void CmdletAssembly_ReferencesNoDependencyDirectly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "../../../../../src/PracticeK8s/bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net8.0/PracticeK8s.dll");
        Assert.True(File.Exists(path), path);
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        Assert.Contains("PracticeK8s.Engine", references);
        Assert.DoesNotContain("KubernetesClient", references);
        Assert.DoesNotContain("YamlDotNet", references);
        Assert.DoesNotContain("Fractions", references);
        Assert.DoesNotContain("PracticeK8s.Printing", references);
        Assert.DoesNotContain("PracticeK8s.Merge", references);
    }
}
