using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Api;

/// <summary>One cause inside a Status's details (a field error for 422, for example).</summary>
public sealed record StatusCause(string Reason, string Message, string? Field);

/// <summary>
/// An API failure; the request pipeline turns it into a <c>Status</c> body with this code.
/// Factory methods carry the upstream wording of each reason.
/// </summary>
public sealed class ApiException : Exception
{
    public int Code { get; }
    public string Reason { get; }
    public string? DetailsName { get; init; }
    public string? DetailsGroup { get; init; }
    public string? DetailsKind { get; init; }
    public IReadOnlyList<StatusCause> Causes { get; init; } = Array.Empty<StatusCause>();
    public int? RetryAfterSeconds { get; init; }

    public ApiException(int code, string reason, string message) : base(message)
    {
        Code = code;
        Reason = reason;
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);
    public static ApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized");
    public static ApiException Forbidden(string message) => new(403, "Forbidden", message);

    public static ApiException NotFound(string qualifiedResource, string name, string group = "", string? kind = null) =>
        new(404, "NotFound", $"{qualifiedResource} \"{name}\" not found")
        { DetailsName = name, DetailsGroup = group, DetailsKind = kind ?? PluralOf(qualifiedResource) };

    public static ApiException PathNotFound() => new(404, "NotFound", "the server could not find the requested resource");

    public static ApiException MethodNotAllowed(string verb, string qualifiedResource) =>
        new(405, "MethodNotAllowed", $"{verb} is not supported on resources of kind \"{qualifiedResource}\"");

    public static ApiException NotAcceptable(string accepted) =>
        new(406, "NotAcceptable", $"only the following media types are accepted: {accepted}");

    public static ApiException AlreadyExists(string qualifiedResource, string name, string group) =>
        new(409, "AlreadyExists", $"{qualifiedResource} \"{name}\" already exists")
        { DetailsName = name, DetailsGroup = group, DetailsKind = PluralOf(qualifiedResource) };

    public static ApiException Conflict(string qualifiedResource, string name, string group, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {qualifiedResource} \"{name}\": {why}")
        { DetailsName = name, DetailsGroup = group, DetailsKind = PluralOf(qualifiedResource) };

    public static ApiException StaleObject(string qualifiedResource, string name, string group) =>
        Conflict(qualifiedResource, name, group,
            "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}");

    public static ApiException Invalid(string kindWithGroup, string name, string group, string kind, IReadOnlyList<StatusCause> causes)
    {
        var parts = causes.Select(c => c.Field is null ? c.Message : $"{c.Field}: {c.Message}").ToList();
        var joined = parts.Count == 1 ? parts[0] : $"[{string.Join(", ", parts)}]";
        return new ApiException(422, "Invalid", $"{kindWithGroup} \"{name}\" is invalid: {joined}")
        { DetailsName = name, DetailsGroup = group, DetailsKind = kind, Causes = causes };
    }

    public static ApiException Internal(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}")
        { Causes = new[] { new StatusCause("", message, null) } };

    private static string PluralOf(string qualifiedResource)
    {
        var dot = qualifiedResource.IndexOf('.');
        return dot < 0 ? qualifiedResource : qualifiedResource[..dot];
    }

    /// <summary>The <c>Status</c> object for this failure.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        var details = new JsonObject();
        if (DetailsName is not null) details["name"] = DetailsName;
        if (!string.IsNullOrEmpty(DetailsGroup)) details["group"] = DetailsGroup;
        if (DetailsKind is not null) details["kind"] = DetailsKind;
        if (Causes.Count > 0)
        {
            var causes = new JsonArray();
            foreach (var c in Causes)
            {
                var o = new JsonObject();
                if (c.Reason.Length > 0) o["reason"] = c.Reason;
                o["message"] = c.Message;
                if (c.Field is not null) o["field"] = c.Field;
                causes.Add(o);
            }
            details["causes"] = causes;
        }
        if (RetryAfterSeconds is > 0) details["retryAfterSeconds"] = RetryAfterSeconds;
        if (details.Count > 0) status["details"] = details;
        status["code"] = Code;
        return status;
    }
}
