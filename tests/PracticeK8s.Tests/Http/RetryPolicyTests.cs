using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using PracticeK8s.Engine.Http;

namespace PracticeK8s.Tests.Http;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = RetryPolicy.Default;
    private static HttpRequestException Refused => new("refused", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void Reads_AreRetriedOnConnectionFailures_429_And503()
    {
        Assert.True(Policy.ShouldRetry(HttpMethod.Get, new HttpRequestException("reset")));
        Assert.True(Policy.ShouldRetry(HttpMethod.Get, HttpStatusCode.TooManyRequests));
        Assert.True(Policy.ShouldRetry(HttpMethod.Get, HttpStatusCode.ServiceUnavailable));
        Assert.False(Policy.ShouldRetry(HttpMethod.Get, HttpStatusCode.InternalServerError));
        Assert.False(Policy.ShouldRetry(HttpMethod.Get, HttpStatusCode.NotFound));
    }

    [Fact]
    public void ARefusedCertificate_IsNeverRetried() =>
        Assert.False(Policy.ShouldRetry(HttpMethod.Get, new HttpRequestException("The SSL connection could not be established",
            new ServerCertificateException("tls: failed to verify certificate: x509: certificate is valid for a, not b"))));

    [Fact]
    public void Reads_AreRetriedOnOther5xxOnlyWhenTheServerSendsRetryAfter()
    {
        Assert.True(Policy.ShouldRetry(HttpMethod.Get, HttpStatusCode.InternalServerError, hasRetryAfter: true));
        Assert.True(Policy.ShouldRetry(HttpMethod.Head, HttpStatusCode.GatewayTimeout, hasRetryAfter: true));
        Assert.False(Policy.ShouldRetry(HttpMethod.Get, HttpStatusCode.BadGateway));
        Assert.False(Policy.ShouldRetry(HttpMethod.Get, HttpStatusCode.Conflict, hasRetryAfter: true));
        Assert.False(Policy.ShouldRetry(HttpMethod.Post, HttpStatusCode.InternalServerError, hasRetryAfter: true));
    }

    [Fact]
    public void Writes_AreRetriedOnlyWhenTheServerCannotHaveAppliedThem()
    {
        Assert.True(Policy.ShouldRetry(HttpMethod.Post, Refused));
        Assert.False(Policy.ShouldRetry(HttpMethod.Post, new HttpRequestException("reset after send")));
        Assert.True(Policy.ShouldRetry(HttpMethod.Patch, HttpStatusCode.TooManyRequests));
        Assert.False(Policy.ShouldRetry(HttpMethod.Delete, HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public void Delay_IsCappedExponentialAndHonoursRetryAfter()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(200), Policy.Delay(1, null));
        Assert.Equal(TimeSpan.FromMilliseconds(400), Policy.Delay(2, null));
        Assert.Equal(TimeSpan.FromMilliseconds(800), Policy.Delay(3, null));
        Assert.Equal(Policy.MaxDelay, Policy.Delay(20, null));
        Assert.Equal(TimeSpan.FromSeconds(2), Policy.Delay(1, TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromMilliseconds(800), Policy.Delay(3, TimeSpan.FromMilliseconds(100)));
        Assert.Equal(Policy.MaxDelay * 2, Policy.Delay(1, TimeSpan.FromHours(1)));
    }
}
