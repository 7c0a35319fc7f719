using System.Text.RegularExpressions;
using PracticeK8s.Sandbox.Api;

namespace PracticeK8s.Sandbox.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c>: comma-separated requirements (AND) of the forms
/// <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, <c>k&gt;n</c>, <c>k&lt;n</c>.
/// </summary>
public sealed partial class LabelSelector
{
    private enum Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist, GreaterThan, LessThan }
    private sealed record Requirement(string Key, Op Op, IReadOnlyList<string> Values);

    private readonly List<Requirement> _requirements;
    public static readonly LabelSelector Everything = new(new List<Requirement>());
    public bool IsEmpty => _requirements.Count == 0;

    private LabelSelector(List<Requirement> r) => _requirements = r;

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var r in _requirements)
        {
            var has = labels.TryGetValue(r.Key, out var v);
            var ok = r.Op switch
            {
                Op.Equals => has && v == r.Values[0],
                Op.NotEquals => !has || v != r.Values[0],
                Op.In => has && r.Values.Contains(v!),
                Op.NotIn => !has || !r.Values.Contains(v!),
                Op.Exists => has,
                Op.DoesNotExist => !has,
                Op.GreaterThan => has && long.TryParse(v, out var g) && g > long.Parse(r.Values[0]),
                Op.LessThan => has && long.TryParse(v, out var l) && l < long.Parse(r.Values[0]),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var reqs = new List<Requirement>();
        foreach (var part in SplitTopLevel(text))
        {
            var p = part.Trim();
            if (p.Length == 0) throw Bad(text, "empty requirement");
            reqs.Add(ParseRequirement(p, text));
        }
        return new LabelSelector(reqs);
    }

    private static Requirement ParseRequirement(string p, string whole)
    {
        Match m;
        if (p.StartsWith('!'))
            return new Requirement(Key(p[1..].Trim(), whole), Op.DoesNotExist, Array.Empty<string>());
        if ((m = SetRegex().Match(p)).Success)
        {
            var values = m.Groups["vals"].Value.Split(',').Select(v => Value(v.Trim(), whole)).ToList();
            if (values.Count == 1 && values[0].Length == 0 && m.Groups["vals"].Value.Trim().Length == 0)
                throw Bad(whole, "for 'in', 'notin' operators, values set can't be empty");
            return new Requirement(Key(m.Groups["key"].Value, whole), m.Groups["op"].Value == "in" ? Op.In : Op.NotIn, values);
        }
        if ((m = CompareRegex().Match(p)).Success)
        {
            var op = m.Groups["op"].Value switch
            {
                "!=" => Op.NotEquals,
                ">" => Op.GreaterThan,
                "<" => Op.LessThan,
                _ => Op.Equals,
            };
            var value = m.Groups["val"].Value.Trim();
            if (op is Op.GreaterThan or Op.LessThan && !long.TryParse(value, out _))
                throw Bad(whole, $"for 'Gt', 'Lt' operators, the value must be an integer");
            return new Requirement(Key(m.Groups["key"].Value.Trim(), whole), op, new[] { Value(value, whole) });
        }
        return new Requirement(Key(p, whole), Op.Exists, Array.Empty<string>());
    }

    private static IEnumerable<string> SplitTopLevel(string s)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')') depth--;
            else if (s[i] == ',' && depth == 0) { yield return s[start..i]; start = i + 1; }
        }
        yield return s[start..];
    }

    private static string Key(string key, string whole)
    {
        if (!LabelSyntax.IsValidKey(key)) throw Bad(whole, $"invalid label key \"{key}\": {LabelSyntax.KeyError(key)}");
        return key;
    }

    private static string Value(string value, string whole)
    {
        if (!LabelSyntax.IsValidValue(value)) throw Bad(whole, $"invalid label value: \"{value}\": {LabelSyntax.ValueError}");
        return value;
    }

    private static ApiException Bad(string selector, string why) =>
        ApiException.BadRequest($"unable to parse requirement: {why}");

    [GeneratedRegex(@"^(?<key>[^\s!=<>()]+)\s+(?<op>in|notin)\s*\((?<vals>[^()]*)\)$")]
    private static partial Regex SetRegex();

    [GeneratedRegex(@"^(?<key>[^!=<>]+?)\s*(?<op>==|!=|=|>|<)\s*(?<val>.*)$")]
    private static partial Regex CompareRegex();
}
