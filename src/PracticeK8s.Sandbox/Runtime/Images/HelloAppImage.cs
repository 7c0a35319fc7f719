using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Runtime.Images;

/// <summary>
/// google-samples hello-app: listens on $PORT (8080) and answers
/// <c>Hello, world!\nVersion: 1.0.0\nHostname: &lt;pod name&gt;\n</c> (2.0 for the :2.0 tag).
/// </summary>
public sealed class HelloAppImage : BuiltinImage
{
    public override bool Matches(ImageReference image) => image.ShortName == "hello-app";

    private static int Port(ImageContext c) => c.Env.TryGetValue("PORT", out var p) && int.TryParse(p, out var n) ? n : 8080;

    private static string Version(ImageReference image) =>
        image.Tag.Length > 0 && char.IsDigit(image.Tag[0]) ? (image.Tag.Count(c => c == '.') >= 2 ? image.Tag : image.Tag + ".0") : "1.0.0";

    private static string Stamp(DateTime t) => t.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);

    public override IEnumerable<string> StartupLog(ImageContext context, DateTime now) =>
        new[] { $"{Stamp(now)} Server listening on port {Port(context)}" };

    public override string ProcessName(ImageContext context) => "./hello-app";

    public override IEnumerable<int> HttpPorts(ImageContext context) => new[] { Port(context) };

    public override async Task<string?> ServeAsync(ImageContext context, HttpContext http)
    {
        var body = System.Text.Encoding.UTF8.GetBytes($"Hello, world!\nVersion: {Version(context.Image)}\nHostname: {context.PodName}\n");
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.Body.WriteAsync(body);
        return $"{Stamp(DateTime.UtcNow)} Serving request: {http.Request.Path}";
    }
}
