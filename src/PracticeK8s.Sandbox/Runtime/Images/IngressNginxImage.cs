using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using PracticeK8s.Sandbox.Networking.Ingress;

namespace PracticeK8s.Sandbox.Runtime.Images;

/// <summary>
/// registry.k8s.io/ingress-nginx/controller: the controller's startup log, HTTP on 80 and HTTPS on 443
/// (the certificate of the Ingress TLS entry for the server name, else its fake certificate), each
/// request routed by the cluster's <see cref="IIngressDataPlane"/> (attached at start by
/// <see cref="IngressImageBinding"/>) and logged in ingress-nginx's access log format.
/// </summary>
public sealed class IngressNginxImage : BuiltinImage
{
    public static readonly IngressNginxImage Instance = new();

    private IIngressDataPlane? _plane;

    private IngressNginxImage() { }

    public void Attach(IIngressDataPlane plane) => Volatile.Write(ref _plane, plane);

    public void Detach(IIngressDataPlane plane) => Interlocked.CompareExchange(ref _plane, null, plane);

    public override bool Matches(ImageReference image) =>
        image.ShortName == "controller" && image.Repository.EndsWith("ingress-nginx/controller", StringComparison.Ordinal);

    private static string Release(ImageReference image) => image.Tag.StartsWith('v') ? image.Tag : "v1.12.1";

    public override string ProcessName(ImageContext context) =>
        $"/nginx-ingress-controller --publish-service={context.PodNamespace}/ingress-nginx-controller --election-id=ingress-nginx-leader " +
        $"--controller-class=k8s.io/ingress-nginx --ingress-class=nginx --configmap={context.PodNamespace}/ingress-nginx-controller";

    public override IEnumerable<string> StartupLog(ImageContext context, DateTime now)
    {
        string K(char level, string where) => $"{level}{now.ToString("MMdd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}       7 {where}]";
        var ns = context.PodNamespace;
        return new[]
        {
            "-------------------------------------------------------------------------------",
            "NGINX Ingress controller",
            $"  Release:       {Release(context.Image)}",
            "  Build:         51c2b819690bbf1709b844dbf321a9acf6eda5a7",
            "  Repository:    https://github.com/kubernetes/ingress-nginx",
            "  nginx version: nginx/1.25.5",
            "",
            "-------------------------------------------------------------------------------",
            "",
            $"{K('W', "client_config.go:667")} Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.",
            $"{K('I', "main.go:205")} \"Creating API client\" host=\"https://10.96.0.1:443\"",
            $"{K('I', "main.go:248")} \"Running in Kubernetes cluster\" major=\"1\" minor=\"32\" git=\"v1.32.4\" state=\"clean\" platform=\"linux/amd64\"",
            $"{K('I', "main.go:101")} \"SSL fake certificate created\" file=\"/etc/ingress-controller/ssl/default-fake-certificate.pem\"",
            $"{K('I', "nginx.go:271")} \"Starting NGINX Ingress controller\"",
            $"{K('I', "event.go:377")} Event(v1.ObjectReference{{Kind:\"ConfigMap\", Namespace:\"{ns}\", Name:\"ingress-nginx-controller\", APIVersion:\"v1\"}}): type: 'Normal' reason: 'CREATE' ConfigMap {ns}/ingress-nginx-controller",
            $"{K('I', "nginx.go:317")} \"Starting NGINX process\"",
            $"{K('I', "leaderelection.go:257")} attempting to acquire leader lease {ns}/ingress-nginx-leader...",
            $"{K('I', "controller.go:196")} \"Configuration changes detected, backend reload required\"",
            $"{K('I', "leaderelection.go:271")} successfully acquired lease {ns}/ingress-nginx-leader",
            $"{K('I', "status.go:85")} \"New leader elected\" identity=\"{context.PodName}\"",
            $"{K('I', "controller.go:216")} \"Backend successfully reloaded\"",
            $"{K('I', "controller.go:227")} \"Initial sync, sleeping for 1 second\"",
        };
    }

    public override IEnumerable<int> HttpPorts(ImageContext context) => new[] { 80, 443 };

    public override IEnumerable<int> HttpsPorts(ImageContext context) => new[] { 443 };

    public override X509Certificate2? ServerCertificate(ImageContext context, int port, string? serverName) =>
        port == 443 ? Volatile.Read(ref _plane)?.CertificateFor(serverName) ?? IngressCertificates.FakeCertificate : null;

    public override async Task<string?> ServeAsync(ImageContext context, HttpContext http)
    {
        if (Volatile.Read(ref _plane) is { } plane) return await plane.ServeAsync(http);
        var body = NginxPages.Page(503);
        http.Response.StatusCode = 503;
        http.Response.ContentType = "text/html";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body);
        return null;
    }
}
