using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace PracticeK8s.Engine.Http;

/// <summary>
/// Checks the server's certificate the way kubectl (Go's crypto/tls) does, whatever the trust source:
/// the chain must end at the kubeconfig's CA (certificate-authority-data or certificate-authority)
/// or, with neither, at the system's trusted roots; and the certificate must name the server —
/// the kubeconfig's tls-server-name when set, else the host of the server URL — in its subject
/// alternative names (IP names for an IP address, DNS names with wildcards otherwise; the legacy
/// common name is not used). KubernetesClient's own callback skips the name check with a custom CA.
/// </summary>
public sealed class ServerCertificateVerifier
{
    private readonly X509Certificate2Collection? _authorities;

    /// <param name="authorities">The kubeconfig's CA certificates; null or empty: the system's trusted roots.</param>
    /// <param name="expectedName">The name the certificate must carry (tls-server-name, else the server's host).</param>
    public ServerCertificateVerifier(X509Certificate2Collection? authorities, string expectedName)
    {
        _authorities = authorities is { Count: > 0 } ? authorities : null;
        ExpectedName = expectedName.Trim('[', ']');
    }

    public string ExpectedName { get; }

    /// <summary>A RemoteCertificateValidationCallback: true, or throws <see cref="ServerCertificateException"/> saying why not.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            throw new ServerCertificateException("tls: the server sent no certificate");
        using var leaf = new X509Certificate2(certificate);
        if (CheckChain(leaf, chain, errors) is { } chainProblem)
            throw new ServerCertificateException("tls: failed to verify certificate: x509: " + chainProblem);
        if (NameProblem(leaf, ExpectedName) is { } nameProblem)
            throw new ServerCertificateException("tls: failed to verify certificate: x509: " + nameProblem);
        return true;
    }

    private string? CheckChain(X509Certificate2 leaf, X509Chain? platformChain, SslPolicyErrors errors)
    {
        if (_authorities is null)
        {
            // The platform built the chain against the system's roots; its name verdict is ignored here (checked below).
            if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0)
                return null;
            return "certificate signed by unknown authority" + ChainDetail(platformChain);
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (platformChain is not null)
        {
            // Intermediates the server sent along with its certificate.
            foreach (var element in platformChain.ChainElements)
            {
                if (!element.Certificate.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        return chain.Build(leaf) ? null : "certificate signed by unknown authority" + ChainDetail(chain);
    }

    private static string ChainDetail(X509Chain? chain)
    {
        var status = chain?.ChainStatus.Where(s => s.Status != X509ChainStatusFlags.NoError)
            .Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        return status is { Count: > 0 } ? $" ({string.Join("; ", status)})" : "";
    }

    /// <summary>Null when the certificate names <paramref name="host"/>; else Go's HostnameError text.</summary>
    public static string? NameProblem(X509Certificate2 certificate, string host)
    {
        if (certificate.MatchesHostname(host, allowWildcards: true, allowCommonName: false))
            return null;
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (IPAddress.TryParse(host, out _))
        {
            var addresses = names?.EnumerateIPAddresses().Select(a => a.ToString()).ToList() ?? [];
            if (addresses.Count == 0)
                return $"cannot validate certificate for {host} because it doesn't contain any IP SANs";
            return $"certificate is valid for {string.Join(", ", addresses)}, not {host}";
        }
        var dnsNames = names?.EnumerateDnsNames().ToList() ?? [];
        if (dnsNames.Count == 0)
            return $"certificate is not valid for any names, but wanted to match {host}";
        return $"certificate is valid for {string.Join(", ", dnsNames)}, not {host}";
    }
}

/// <summary>The server's certificate was refused; the message says why in kubectl's words.</summary>
public sealed class ServerCertificateException : AuthenticationException
{
    public ServerCertificateException(string message) : base(message)
    {
    }
}
