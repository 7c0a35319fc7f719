using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PracticeK8s.Sandbox.Security;

/// <summary>
/// The sandbox's own CA and the server certificate it signs, kept as PEM files in the data dir (0600, see PrivateFiles) so
/// a restart on the same dir presents the same identity (kubeconfigs written earlier stay valid).
/// </summary>
public sealed class CertificateAuthority
{
    public const string CaCertFile = "ca.crt", CaKeyFile = "ca.key", ServerCertFile = "server.crt", ServerKeyFile = "server.key";

    public string CaCertificatePem { get; }
    public X509Certificate2 ServerCertificate { get; }

    private CertificateAuthority(string caPem, X509Certificate2 server)
    {
        CaCertificatePem = caPem;
        ServerCertificate = server;
    }

    private static readonly IPAddress KubernetesServiceIp = IPAddress.Parse("10.96.0.1");
    private static readonly string[] ClusterNames =
        { "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local" };

    /// <summary>A serving certificate of an older sandbox lacks the kubernetes Service's address: it is made anew.</summary>
    private static bool NamesTheService(string certFile)
    {
        using var cert = X509Certificate2.CreateFromPem(File.ReadAllText(certFile));
        return cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().Any(e => e.EnumerateIPAddresses().Contains(KubernetesServiceIp));
    }

    public static CertificateAuthority LoadOrCreate(string dataDir)
    {
        string P(string f) => Path.Combine(dataDir, f);
        if (!File.Exists(P(CaCertFile)) || !File.Exists(P(CaKeyFile)))
        {
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var ca = CreateCa(caKey);
            PrivateFiles.WriteAtomically(P(CaKeyFile), caKey.ExportPkcs8PrivateKeyPem());
            PrivateFiles.WriteAtomically(P(CaCertFile), ca.ExportCertificatePem());
            File.Delete(P(ServerCertFile));
        }
        if (!File.Exists(P(ServerCertFile)) || !File.Exists(P(ServerKeyFile)) || !NamesTheService(P(ServerCertFile)))
        {
            using var ca = X509Certificate2.CreateFromPemFile(P(CaCertFile), P(CaKeyFile));
            using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var server = CreateServer(ca, serverKey);
            PrivateFiles.WriteAtomically(P(ServerKeyFile), serverKey.ExportPkcs8PrivateKeyPem());
            PrivateFiles.WriteAtomically(P(ServerCertFile), server.ExportCertificatePem());
        }
        using var pem = X509Certificate2.CreateFromPemFile(P(ServerCertFile), P(ServerKeyFile));
        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
        var usable = new X509Certificate2(pem.Export(X509ContentType.Pkcs12));
        return new CertificateAuthority(File.ReadAllText(P(CaCertFile)), usable);
    }

    private static X509Certificate2 CreateCa(ECDsa key)
    {
        var req = new CertificateRequest("CN=practicek8s-sandbox-ca", key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return req.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    private static X509Certificate2 CreateServer(X509Certificate2 ca, ECDsa key)
    {
        var req = new CertificateRequest("CN=practicek8s-sandbox", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        foreach (var name in ClusterNames) san.AddDnsName(name);
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddIpAddress(KubernetesServiceIp); // pods reach the API server at the kubernetes Service
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication") }, false));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = req.Create(ca, now.AddDays(-1), now.AddYears(5), serial);
        return signed.CopyWithPrivateKey(key);
    }
}
