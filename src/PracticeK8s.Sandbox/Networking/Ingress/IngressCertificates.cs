using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using PracticeK8s.Sandbox.Controllers;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>
/// The certificate ingress-nginx presents on 443 for a TLS server name: that of the first Ingress
/// <c>spec.tls</c> entry whose hosts cover the name (its Secret, of type <c>kubernetes.io/tls</c>, in the
/// Ingress's namespace), else its self-signed "Kubernetes Ingress Controller Fake Certificate".
/// </summary>
public sealed class IngressCertificates(ClusterAccess cluster)
{
    public const string FakeSubject = "CN=Kubernetes Ingress Controller Fake Certificate, O=Acme Co";

    private static readonly Lazy<X509Certificate2> Fake = new(CreateFake);
    private readonly ConcurrentDictionary<(string Uid, long Version), X509Certificate2?> _parsed = new();

    public static X509Certificate2 FakeCertificate => Fake.Value;

    public X509Certificate2 For(IngressRouteTable table, string? serverName)
    {
        if (serverName is { Length: > 0 })
        {
            var host = IngressRouteTable.NormalizeHost(serverName);
            foreach (var tls in table.Tls)
                if (tls.Hosts.Any(h => IngressRouteTable.HostMatches(h, host)) && FromSecret(tls.Namespace, tls.SecretName) is { } certificate)
                    return certificate;
        }
        return Fake.Value;
    }

    private X509Certificate2? FromSecret(string ns, string name)
    {
        if (cluster.Get<V1Secret>("/secrets", ns, name) is not { } secret) return null;
        if (_parsed.Count > 1000) _parsed.Clear();
        return _parsed.GetOrAdd((secret.Uid, secret.Stored.ResourceVersion), _ => Parse(secret.Model));
    }

    /// <summary>The certificate of a <c>kubernetes.io/tls</c> Secret (tls.crt with its chain, tls.key), or null when it is not one.</summary>
    public static X509Certificate2? Parse(V1Secret secret)
    {
        if (secret.Type != "kubernetes.io/tls" || secret.Data is null) return null;
        if (!secret.Data.TryGetValue("tls.crt", out var crt) || !secret.Data.TryGetValue("tls.key", out var key)) return null;
        try { return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(crt), Encoding.ASCII.GetString(key)); }
        catch (CryptographicException) { return null; }
        catch (ArgumentException) { return null; }
    }

    private static X509Certificate2 CreateFake()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(FakeSubject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("ingress.local");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
    }
}
