using System.Globalization;

namespace PracticeK8s.Sandbox.Runtime.Images;

/// <summary>A built-in image that only logs a startup banner (cluster add-ons: DNS, proxy, network, storage).</summary>
public sealed class BannerImage(Func<ImageReference, bool> matches, Func<DateTime, IEnumerable<string>> banner, string? processName = null) : BuiltinImage
{
    public override bool Matches(ImageReference image) => matches(image);
    public override string ProcessName(ImageContext context) => processName ?? base.ProcessName(context);
    public override IEnumerable<string> StartupLog(ImageContext context, DateTime now) => banner(now);

    private static string Klog(DateTime t) => t.ToString("MMdd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public static readonly BannerImage CoreDns = new(i => i.ShortName == "coredns", _ => new[]
    {
        ".:53",
        "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908",
        "CoreDNS-1.11.3",
        "linux/amd64, go1.21.11, a6338e9",
    }, "/coredns -conf /etc/coredns/Corefile");

    public static readonly BannerImage KubeProxy = new(i => i.ShortName == "kube-proxy", t => new[]
    {
        $"I{Klog(t)}       1 server_linux.go:66] \"Using iptables proxy\"",
        $"I{Klog(t)}       1 server.go:677] \"Successfully retrieved node IP(s)\" IPs=[\"192.168.0.10\"]",
        $"I{Klog(t)}       1 server_linux.go:170] \"Using iptables Proxier\"",
        $"I{Klog(t)}       1 config.go:199] \"Starting service config controller\"",
        $"I{Klog(t)}       1 config.go:105] \"Starting endpoint slice config controller\"",
        $"I{Klog(t)}       1 shared_informer.go:320] Caches are synced for service config",
    }, "/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf");

    public static readonly BannerImage Calico = new(i => i.Repository.StartsWith("calico/", StringComparison.Ordinal) || i.ShortName.StartsWith("calico", StringComparison.Ordinal), t => new[]
    {
        $"{t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} [INFO][9] startup/startup.go 431: Early log level set to info",
        $"{t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} [INFO][9] startup/startup.go 447: Using NODENAME environment for node name",
        $"{t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} [INFO][9] startup/startup.go 759: Calico node started successfully",
    });

    public static readonly BannerImage Csi = new(i => i.Repository.Contains("csi", StringComparison.Ordinal) || i.ShortName == "livenessprobe", t => new[]
    {
        $"I{Klog(t)}       1 main.go:135] Version: v2.12.0",
        $"I{Klog(t)}       1 main.go:136] Running node-driver-registrar in mode=",
        $"I{Klog(t)}       1 main.go:164] Calling CSI driver to discover driver name",
        $"I{Klog(t)}       1 main.go:173] CSI driver name: \"linodebs.csi.linode.com\"",
    });
}
