using System.Globalization;
using System.Management.Automation;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.PortForward;

/// <summary>
/// One -Port argument as kubectl reads it: "8080" (same port both sides), "8080:80", "0:80" or ":80"
/// (a free local port). The remote side may still be a port name ("http") until the pod or service
/// is known. Local 0 means "pick a free port"; -1 (a bare name such as "http") means the number the
/// name stands for, as kubectl does.
/// </summary>
public sealed record PortMapping(int Local, string Remote)
{
    public static IReadOnlyList<PortMapping> ParseAll(IEnumerable<string> specs)
    {
        var list = new List<PortMapping>();
        foreach (var spec in specs)
        {
            foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                list.Add(Parse(part));
        }
        if (list.Count == 0)
            throw Invalid("TYPE/NAME and list of ports are required for port-forward", null);
        return list;
    }

    /// <summary>kubectl's parsePorts for one entry (a name stays a name; numbers are checked).</summary>
    public static PortMapping Parse(string spec)
    {
        var parts = spec.Split(':');
        string localText, remoteText;
        if (parts.Length == 1)
        {
            localText = remoteText = parts[0];
        }
        else if (parts.Length == 2)
        {
            localText = parts[0].Length == 0 ? "0" : parts[0];
            remoteText = parts[1];
        }
        else
        {
            throw Invalid($"invalid port format '{spec}'", spec);
        }
        if (remoteText.Length == 0)
            throw Invalid($"invalid port format '{spec}'", spec);
        if (IsNumber(remoteText))
        {
            if (!ushort.TryParse(remoteText, NumberStyles.None, CultureInfo.InvariantCulture, out var remote))
                throw Invalid($"Error parsing remote port '{remoteText}': value out of range", spec);
            if (remote == 0)
                throw Invalid("Remote port must be > 0", spec);
        }
        int local;
        if (parts.Length == 1 && !IsNumber(localText))
        {
            local = -1; // a name on both sides: the local port becomes the number the name stands for
        }
        else if (!ushort.TryParse(localText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedLocal))
        {
            throw Invalid($"Error parsing local port '{localText}': " + (IsNumber(localText) ? "value out of range" : "invalid syntax"), spec);
        }
        else
        {
            local = parsedLocal;
        }
        return new PortMapping(local, remoteText);
    }

    /// <summary>The remote port number when it is one, else null (a named port).</summary>
    public int? RemoteNumber => IsNumber(Remote) ? int.Parse(Remote, CultureInfo.InvariantCulture) : null;

    public static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static KubeException Invalid(string message, string? spec) =>
        new(message, "KubePortForwardInvalidPort", ErrorCategory.InvalidArgument, spec);
}

/// <summary>A port pair once names are resolved: where to listen and which pod port to reach.</summary>
public sealed record ResolvedPort(int Local, int Remote);
