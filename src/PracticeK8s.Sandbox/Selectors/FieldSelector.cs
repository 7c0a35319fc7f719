using System.Text;
using System.Text.Json;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c>: comma-separated <c>f=v</c>, <c>f==v</c>, <c>f!=v</c> (AND), exact string
/// comparison against the field labels a kind supports (metadata.name/namespace plus its own list).
/// </summary>
public sealed class FieldSelector
{
    private sealed record Term(string Field, string Value, bool Negated);
    private readonly List<Term> _terms;
    public static readonly FieldSelector Everything = new(new List<Term>());
    public bool IsEmpty => _terms.Count == 0;

    private FieldSelector(List<Term> terms) => _terms = terms;

    public static FieldSelector Parse(string? text, ResourceDefinition def)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var terms = new List<Term>();
        foreach (var raw in SplitUnescaped(text, ','))
        {
            var part = raw.Trim();
            if (part.Length == 0) continue;
            string field, value;
            bool negated = false;
            int i;
            if ((i = IndexUnescaped(part, "!=")) >= 0) { field = part[..i]; value = part[(i + 2)..]; negated = true; }
            else if ((i = IndexUnescaped(part, "==")) >= 0) { field = part[..i]; value = part[(i + 2)..]; }
            else if ((i = IndexUnescaped(part, "=")) >= 0) { field = part[..i]; value = part[(i + 1)..]; }
            else throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            field = field.Trim();
            if (!IsSupported(def, field))
                throw ApiException.BadRequest($"field label not supported: {field}");
            terms.Add(new Term(field, Unescape(value.Trim()), negated));
        }
        return new FieldSelector(terms);
    }

    private static bool IsSupported(ResourceDefinition def, string field) =>
        field is "metadata.name" or "metadata.namespace" || def.FieldSelectors.Contains(field);

    public bool Matches(StoredObject o)
    {
        foreach (var t in _terms)
        {
            var actual = FieldValue(o, t.Field);
            if ((actual == t.Value) == t.Negated) return false;
        }
        return true;
    }

    /// <summary>The string a field label has on an object, the way the upstream field-set functions compute it.</summary>
    public static string FieldValue(StoredObject o, string field)
    {
        switch (field)
        {
            case "metadata.name": return o.Name;
            case "metadata.namespace": return o.Namespace;
            case "spec.host": return Path(o.Root, "spec.nodeName") ?? "";
            case "source": return Path(o.Root, "source.component") ?? "";
            case "status.podIPs": return Path(o.Root, "status.podIP") ?? "";
            case "spec.unschedulable" or "spec.hostNetwork": return Path(o.Root, field) ?? "false";
            case "status.replicas" or "status.successful": return Path(o.Root, field) ?? "0";
            default: return Path(o.Root, field) ?? "";
        }
    }

    private static string? Path(JsonElement e, string path)
    {
        foreach (var seg in path.Split('.'))
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(seg, out e)) return null;
        }
        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        };
    }

    private static IEnumerable<string> SplitUnescaped(string s, char sep)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length) { sb.Append(s[i]).Append(s[++i]); continue; }
            if (s[i] == sep) { yield return sb.ToString(); sb.Clear(); continue; }
            sb.Append(s[i]);
        }
        yield return sb.ToString();
    }

    private static int IndexUnescaped(string s, string token)
    {
        for (int i = 0; i + token.Length <= s.Length; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (string.CompareOrdinal(s, i, token, 0, token.Length) == 0) return i;
        }
        return -1;
    }

    private static string Unescape(string s) => s.Replace("\\,", ",").Replace("\\=", "=").Replace("\\\\", "\\");
}
