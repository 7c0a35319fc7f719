using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>What the ingress-nginx controller image serves with: the routing of a request and the certificate for a TLS server name.</summary>
public interface IIngressDataPlane
{
    /// <summary>Routes one request received on the controller's port 80 or 443; returns the access log line.</summary>
    Task<string> ServeAsync(HttpContext http);

    X509Certificate2 CertificateFor(string? serverName);
}
