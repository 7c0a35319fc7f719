using System.Collections;
using System.Management.Automation;

namespace PracticeK8s.Completion;

/// <summary>Turns candidate names into completion results: wildcard prefix match, quoting where needed.</summary>
internal static class Completions
{
    public static IEnumerable<CompletionResult> Match(IEnumerable<string> names, string wordToComplete, Func<string, string>? tooltip = null)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        var pattern = WildcardPattern.Get(WildcardPattern.Escape(word) + "*", WildcardOptions.IgnoreCase);
        foreach (var name in names.Where(pattern.IsMatch).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
        {
            var text = NeedsQuotes(name) ? "'" + name.Replace("'", "''") + "'" : name;
            yield return new CompletionResult(text, name, CompletionResultType.ParameterValue, tooltip?.Invoke(name) ?? name);
        }
    }

    public static string? Bound(IDictionary fakeBoundParameters, string name) =>
        fakeBoundParameters.Contains(name) ? fakeBoundParameters[name]?.ToString() : null;

    private static bool NeedsQuotes(string name) =>
        name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || "'\"`$(){}[];,|&<>@#".Contains(c));
}
