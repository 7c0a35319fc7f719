using System.Management.Automation;
using System.Net.Http;
using System.Security.Authentication;

namespace PracticeK8s.Engine.Errors;

/// <summary>The one mapping from failures (API answers, transport, kubeconfig) to ErrorRecords.</summary>
public static class KubeErrors
{
    public static ErrorRecord ToErrorRecord(Exception error, object? target)
    {
        error = Unwrap(error);
        if (error is KubeException kube)
            return kube.ToErrorRecord(target);
        if (error is k8s.Autorest.HttpOperationException http)
        {
            var api = KubeApiException.FromResponse(http.Response.StatusCode, http.Response.Content,
                http.Request?.Method.Method ?? "", http.Request?.RequestUri?.AbsolutePath ?? "", null);
            return api.ToErrorRecord(target);
        }
        if (error is k8s.Exceptions.KubeConfigException config)
            return new KubeConfigException(config.Message, inner: config).ToErrorRecord(target);
        if (error is HttpRequestException or AuthenticationException)
            return new ErrorRecord(error, "KubeConnectionFailed", ErrorCategory.ConnectionError, target);
        if (error is TimeoutException or TaskCanceledException)
            return new ErrorRecord(error, "KubeTimeout", ErrorCategory.OperationTimeout, target);
        if (error is System.Management.Automation.RuntimeException { ErrorRecord: { } record })
            return record;
        return new ErrorRecord(error, error.GetType().Name, ErrorCategory.NotSpecified, target);
    }

    public static Exception Unwrap(Exception error)
    {
        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
            error = aggregate.InnerExceptions[0];
        return error;
    }
}
