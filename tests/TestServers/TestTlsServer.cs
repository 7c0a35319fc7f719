#nullable disable
// A tiny HTTPS server for transport tests (xunit includes this file; Pester loads it with Add-Type):
// it completes the TLS handshake with a certificate signed by its own CA and then answers, never
// answers, or stops half-way through the body. Plain C# so that Add-Type compiles it as it is.
using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PracticeK8s.TestServers
{
    public enum TlsServerBehaviour { Answer, NeverAnswer, StallMidBody, NoHandshake }

    public sealed class TestTlsServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly X509Certificate2 _certificate;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private int _requests;
        private int _connections;

        public TestTlsServer(IPAddress address, X509Certificate2 certificate, TlsServerBehaviour behaviour)
        {
            _certificate = certificate;
            Behaviour = behaviour;
            _listener = new TcpListener(address, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Task.Run(AcceptLoop);
        }

        public TlsServerBehaviour Behaviour { get; }
        public int Port { get; }

        /// <summary>TCP connections accepted (each a TLS handshake attempt).</summary>
        public int Connections { get { return Volatile.Read(ref _connections); } }

        /// <summary>Requests whose headers were read (after a completed handshake).</summary>
        public int Requests { get { return Volatile.Read(ref _requests); } }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                Interlocked.Increment(ref _connections);
                _ = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
        {
            using (client)
            using (var tls = new SslStream(client.GetStream()))
            {
                try
                {
                    if (Behaviour == TlsServerBehaviour.NoHandshake)
                    {
                        // Accepts the TCP connection and never starts TLS.
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        return;
                    }
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    var request = await ReadHead(tls);
                    if (request == null)
                        return;
                    Interlocked.Increment(ref _requests);
                    if (Behaviour == TlsServerBehaviour.NeverAnswer)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        return;
                    }
                    var path = request.Split(' ')[1];
                    var body = Encoding.UTF8.GetBytes(Body(path));
                    var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n";
                    await tls.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                    if (Behaviour == TlsServerBehaviour.StallMidBody)
                    {
                        await tls.WriteAsync(body.AsMemory(0, body.Length / 2), _stop.Token);
                        await tls.FlushAsync(_stop.Token);
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        return;
                    }
                    await tls.WriteAsync(body, _stop.Token);
                    await tls.FlushAsync(_stop.Token);
                }
                catch (Exception)
                {
                    // A refused handshake or a stopped server: nothing to answer.
                }
            }
        }

        private static async Task<string> ReadHead(SslStream tls)
        {
            var text = new StringBuilder();
            var buffer = new byte[1];
            while (text.Length < 65536)
            {
                if (await tls.ReadAsync(buffer, 0, 1) == 0)
                    return null;
                text.Append((char)buffer[0]);
                if (text.Length >= 4 && text.ToString(text.Length - 4, 4) == "\r\n\r\n")
                    return text.ToString();
            }
            return null;
        }

        private static string Body(string path)
        {
            if (path.StartsWith("/version"))
                return "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\",\"platform\":\"linux/amd64\",\"goVersion\":\"go1.23\",\"buildDate\":\"2024-12-11T00:00:00Z\"}";
            var padding = new string(' ', 4096);
            return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[]" + padding + "}";
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        /// <summary>A CA and a server certificate it signs for the given IP addresses and DNS names.</summary>
        public static X509Certificate2 CreateAuthority(string name)
        {
            using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            {
                var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
                request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
                return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            }
        }

        public static X509Certificate2 CreateServerCertificate(X509Certificate2 authority, string[] ipAddresses, string[] dnsNames)
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=test-server", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            foreach (var ip in ipAddresses)
                names.AddIpAddress(IPAddress.Parse(ip));
            foreach (var dns in dnsNames)
                names.AddDnsName(dns);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            var serial = new byte[8];
            RandomNumberGenerator.Fill(serial);
            using (var signed = request.Create(authority, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), serial))
            {
                // A PFX round trip gives a certificate whose key SslStream can use on every platform.
                return X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(key).Export(X509ContentType.Pfx), null);
            }
        }

        public static string Pem(X509Certificate2 certificate)
        {
            return "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(certificate.RawData, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n";
        }
    }
}
