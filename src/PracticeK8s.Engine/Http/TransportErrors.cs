using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace PracticeK8s.Engine.Http;

/// <summary>
/// The cause of a transport failure in one phrase, from the most specific exception in the chain
/// (.NET's outer messages say "An error occurred while sending the request" or "see the inner exception").
/// </summary>
public static class TransportErrors
{
    public static string Cause(Exception error)
    {
        var chain = new List<Exception>();
        for (var e = error; e is not null && chain.Count < 16; e = e.InnerException)
            chain.Add(e);
        if (chain.OfType<ServerCertificateException>().FirstOrDefault() is { } certificate)
            return certificate.Message;
        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
            return Socket(socket);
        if (chain.OfType<AuthenticationException>().FirstOrDefault() is { } tls)
            return "TLS handshake failed: " + Clean(Deepest(tls).Message);
        if (chain.OfType<HttpIOException>().FirstOrDefault() is { HttpRequestError: HttpRequestError.ResponseEnded })
            return "the server closed the connection before the response was complete";
        if (chain.OfType<HttpRequestException>().FirstOrDefault() is { HttpRequestError: HttpRequestError.NameResolutionError } dns)
            return "the server's name cannot be resolved: " + Clean(Deepest(dns).Message);
        var deepest = chain.LastOrDefault(e => Clean(e.Message).Length > 0 && !IsGeneric(e.Message));
        return Clean((deepest ?? error).Message);
    }

    private static string Socket(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused (nothing listens at that address)",
        SocketError.ConnectionReset => "the server reset the connection",
        SocketError.TimedOut => "the connection timed out (the server stopped answering TCP keep-alive probes or never answered)",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "the address cannot be reached: " + e.Message,
        _ => e.Message,
    };

    private static Exception Deepest(Exception e)
    {
        while (e.InnerException is { } inner)
            e = inner;
        return e;
    }

    private static bool IsGeneric(string message) =>
        message.StartsWith("An error occurred while sending the request", StringComparison.Ordinal)
        || message.StartsWith("The SSL connection could not be established", StringComparison.Ordinal)
        || message.StartsWith("Unable to read data from the transport connection", StringComparison.Ordinal)
        || message.StartsWith("Unable to write data to the transport connection", StringComparison.Ordinal);

    private static string Clean(string message) =>
        message.Replace("See the inner exception for details.", "", StringComparison.Ordinal)
            .Replace("see inner exception.", "", StringComparison.OrdinalIgnoreCase)
            .Trim().TrimEnd('.', ',').Trim();
}
