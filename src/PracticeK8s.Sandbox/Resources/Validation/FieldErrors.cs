using System.Globalization;
using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;

namespace PracticeK8s.Sandbox.Resources.Validation;

/// <summary>Collects field errors with the upstream wording (field.ErrorList) for a 422 Invalid.</summary>
public sealed class FieldErrors
{
    public List<StatusCause> Causes { get; } = new();
    public bool Any => Causes.Count > 0;

    public void Required(string field, string detail = "") =>
        Causes.Add(new("FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}", field));

    public void Invalid(string field, object? value, string detail) =>
        Causes.Add(new("FieldValueInvalid", $"Invalid value: {Format(value)}: {detail}", field));

    public void NotSupported(string field, object? value, IEnumerable<string> supported) =>
        Causes.Add(new("FieldValueNotSupported",
            $"Unsupported value: {Format(value)}: supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}", field));

    public void Forbidden(string field, string detail) => Causes.Add(new("FieldValueForbidden", $"Forbidden: {detail}", field));

    public void Duplicate(string field, object? value) => Causes.Add(new("FieldValueDuplicate", $"Duplicate value: {Format(value)}", field));

    public void TooLong(string field, int max) =>
        Causes.Add(new("FieldValueTooLong", $"Too long: may not be more than {max} bytes", field));

    /// <summary>Go's %v/%q rendering of the offending value.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        JsonValue v when v.TryGetValue<string>(out var s) => $"\"{s}\"",
        JsonNode n => n.ToJsonString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void ThrowIfAny(ResourceDefinition def, string name)
    {
        if (Any) throw ApiException.Invalid(def.QualifiedKind, name, def.Group, def.Kind, Causes);
    }
}
