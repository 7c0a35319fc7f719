using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Api;

public enum FieldValidation { Ignore, Warn, Strict }

/// <summary>The query options every write shares: dryRun, fieldManager, fieldValidation.</summary>
public sealed record WriteOptions(bool DryRun, string? FieldManager, FieldValidation FieldValidation)
{
    public static WriteOptions From(IQueryCollection q)
    {
        var dry = q["dryRun"].ToString();
        if (dry.Length > 0 && dry != "All")
            throw ApiException.BadRequest($"Invalid dryRun value: \"{dry}\", supported values: \"All\"");
        var fv = q["fieldValidation"].ToString();
        var validation = fv switch
        {
            "" or "Warn" => FieldValidation.Warn,
            "Strict" => FieldValidation.Strict,
            "Ignore" => FieldValidation.Ignore,
            _ => throw ApiException.BadRequest($"fieldValidation \"{fv}\" is invalid: must be one of Ignore, Warn, Strict"),
        };
        return new WriteOptions(dry == "All", NullIfEmpty(q["fieldManager"].ToString()), validation);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
