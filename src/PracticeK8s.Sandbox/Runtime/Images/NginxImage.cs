using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Runtime.Images;

/// <summary>nginx (also nginx:alpine, nginxinc/...): the docker-entrypoint startup log, the welcome page on port 80, an access log.</summary>
public sealed class NginxImage : BuiltinImage
{
    public const string HtmlRoot = "usr/share/nginx/html";

    public const string WelcomePage = """
        <!DOCTYPE html>
        <html>
        <head>
        <title>Welcome to nginx!</title>
        <style>
        html { color-scheme: light dark; }
        body { width: 35em; margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif; }
        </style>
        </head>
        <body>
        <h1>Welcome to nginx!</h1>
        <p>If you see this page, the nginx web server is successfully installed and
        working. Further configuration is required.</p>

        <p>For online documentation and support please refer to
        <a href="http://nginx.org/">nginx.org</a>.<br/>
        Commercial support is available at
        <a href="http://nginx.com/">nginx.com</a>.</p>

        <p><em>Thank you for using nginx.</em></p>
        </body>
        </html>

        """;

    private const string NotFoundPage = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/{0}</center>\r\n</body>\r\n</html>\r\n";

    public override bool Matches(ImageReference image) => image.ShortName is "nginx" or "nginx-unprivileged";

    private static string Version(ImageReference image) =>
        image.Tag.Length > 0 && char.IsDigit(image.Tag[0]) ? image.Tag.Split('-')[0] switch { var v when v.Count(c => c == '.') >= 2 => v, var v => v + ".0" } : "1.27.3";

    public override IEnumerable<string> StartupLog(ImageContext context, DateTime now)
    {
        var t = now.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
        return new[]
        {
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
            "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
            "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
            "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
            "/docker-entrypoint.sh: Configuration complete; ready for start up",
            $"{t} [notice] 1#1: using the \"epoll\" event method",
            $"{t} [notice] 1#1: nginx/{Version(context.Image)}",
            $"{t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)",
            $"{t} [notice] 1#1: OS: Linux 6.1.0-28-amd64",
            $"{t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
            $"{t} [notice] 1#1: start worker processes",
            $"{t} [notice] 1#1: start worker process 29",
            $"{t} [notice] 1#1: start worker process 30",
        };
    }

    public override IEnumerable<(string Path, string Content)> Files(ImageContext context) => new[]
    {
        ($"{HtmlRoot}/index.html", WelcomePage),
        ($"{HtmlRoot}/50x.html", "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n"),
        ("etc/nginx/conf.d/default.conf",
            "server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n}\n"),
    };

    public override string ProcessName(ImageContext context) => "nginx: master process nginx -g daemon off;";

    public override IEnumerable<int> HttpPorts(ImageContext context) => new[] { 80 };

    /// <summary>Serves files from the container's html root (so <c>kubectl cp</c> into it changes the page).</summary>
    /// <summary>
    /// A file the container may show: it exists and, every link resolved, lies in the html root. This
    /// server reads as the sandbox's user outside the container, so a link the pod put there
    /// (to ../../../.. or to a host path) must not lead it anywhere the container itself cannot see.
    /// </summary>
    private static bool InsideAfterLinks(string file, string htmlRoot)
    {
        if (!File.Exists(file)) return false;
        if (OperatingSystem.IsWindows()) return file.StartsWith(htmlRoot, StringComparison.Ordinal);
        var realRoot = Kubelet.Volumes.FileNative.RealPath(htmlRoot);
        var realFile = Kubelet.Volumes.FileNative.RealPath(file);
        return realRoot is not null && realFile is not null && realFile.StartsWith(realRoot.TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    public override async Task<string?> ServeAsync(ImageContext context, HttpContext http)
    {
        var path = Uri.UnescapeDataString(http.Request.Path.Value ?? "/");
        var htmlRoot = Path.GetFullPath(context.HostPathOf("/" + HtmlRoot));
        var file = Path.GetFullPath(Path.Combine(htmlRoot, path.TrimStart('/')));
        if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
        var version = Version(context.Image);
        http.Response.Headers["Server"] = $"nginx/{version}";
        byte[] body;
        if (InsideAfterLinks(file, htmlRoot))
        {
            body = await File.ReadAllBytesAsync(file);
            http.Response.StatusCode = 200;
            http.Response.ContentType = file.EndsWith(".html", StringComparison.Ordinal) ? "text/html" : "text/plain";
        }
        else
        {
            body = System.Text.Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, NotFoundPage, version));
            http.Response.StatusCode = 404;
            http.Response.ContentType = "text/html";
        }
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.Body.WriteAsync(body);
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        var when = DateTime.UtcNow.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);
        var agent = http.Request.Headers.UserAgent.ToString();
        return $"{client} - - [{when}] \"{http.Request.Method} {http.Request.Path}{http.Request.QueryString} {http.Request.Protocol}\" {http.Response.StatusCode} {body.Length} \"-\" \"{(agent.Length > 0 ? agent : "-")}\" \"-\"";
    }
}
