using System.Text;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>The error and redirect pages nginx writes itself (ingress-nginx hides its version: <c>server_tokens off</c>).</summary>
public static class NginxPages
{
    public static string Reason(int status) => status switch
    {
        301 => "Moved Permanently",
        308 => "Permanent Redirect",
        404 => "Not Found",
        502 => "Bad Gateway",
        503 => "Service Temporarily Unavailable",
        504 => "Gateway Time-out",
        _ => "Error",
    };

    public static byte[] Page(int status) => Encoding.ASCII.GetBytes(
        $"<html>\r\n<head><title>{status} {Reason(status)}</title></head>\r\n<body>\r\n<center><h1>{status} {Reason(status)}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
}
