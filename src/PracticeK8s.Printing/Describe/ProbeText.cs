using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>A probe as kubectl describes it, e.g. "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3".</summary>
internal static class ProbeText
{
    public static string Describe(V1Probe probe)
    {
        var attributes = $"delay={probe.InitialDelaySeconds ?? 0}s timeout={probe.TimeoutSeconds ?? 0}s period={probe.PeriodSeconds ?? 0}s " +
                         $"#success={probe.SuccessThreshold ?? 0} #failure={probe.FailureThreshold ?? 0}";
        if (probe.Exec is { } exec) return $"exec {Common.GoList(exec.Command)} {attributes}";
        if (probe.HttpGet is { } http)
        {
            var port = http.Port?.Value ?? "";
            var host = port.Length > 0 ? KubeFormat.HostPort(http.Host ?? "", port) : http.Host ?? "";
            return $"http-get {(http.Scheme ?? "").ToLowerInvariant()}://{host}{http.Path} {attributes}";
        }
        if (probe.TcpSocket is { } tcp) return $"tcp-socket {tcp.Host}:{tcp.Port?.Value} {attributes}";
        if (probe.Grpc is { } grpc) return $"grpc <pod>:{grpc.Port} {grpc.Service} {attributes}";
        return $"unknown {attributes}";
    }
}
