using System.Net;
using System.Text;
using System.Text.Json;

namespace PracticeK8s.Sandbox.Tests.Infrastructure;

/// <summary>Raw HTTP requests against the sandbox for what typed clients cannot express.</summary>
public static class Raw
{
    public static async Task<(HttpStatusCode Code, JsonElement Body, HttpResponseMessage Response)> Send(
        HttpClient http, HttpMethod method, string path, string? body = null, string contentType = "application/json", string? accept = null)
    {
        var req = new HttpRequestMessage(method, path);
        if (body is not null) req.Content = new StringContent(body, Encoding.UTF8, contentType);
        if (body is not null) req.Content!.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) req.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await http.SendAsync(req);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, json, response);
    }

    public static string Reason(this JsonElement status) => status.GetProperty("reason").GetString()!;
    public static string Message(this JsonElement status) => status.GetProperty("message").GetString()!;
}
