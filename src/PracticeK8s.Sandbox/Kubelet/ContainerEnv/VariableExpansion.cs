using System.Text;

namespace PracticeK8s.Sandbox.Kubelet.ContainerEnv;

/// <summary>
/// Kubernetes' <c>$(VAR)</c> syntax in env values, command and args: a reference to a known
/// variable becomes its value, an unknown one stays as written, <c>$$</c> is a literal <c>$</c>
/// (so <c>$$(VAR)</c> gives <c>$(VAR)</c>), and any other <c>$</c> is kept as is.
/// </summary>
public static class VariableExpansion
{
    /// <summary>Looks a name up in each source in turn; not found: the reference as written.</summary>
    public static Func<string, string> Mapping(params IReadOnlyDictionary<string, string>[] sources) => name =>
    {
        foreach (var source in sources)
            if (source.TryGetValue(name, out var value)) return value;
        return "$(" + name + ")";
    };

    public static string Expand(string input, Func<string, string> mapping)
    {
        if (!input.Contains('$')) return input;
        var result = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c != '$' || i + 1 == input.Length)
            {
                result.Append(c);
                i++;
                continue;
            }
            var next = input[i + 1];
            if (next == '$')
            {
                result.Append('$');
                i += 2;
            }
            else if (next == '(' && input.IndexOf(')', i + 2) is var close and >= 0)
            {
                result.Append(mapping(input.Substring(i + 2, close - i - 2)));
                i = close + 1;
            }
            else
            {
                // "$(" without a closing ")", or "$x": kept as written.
                result.Append('$').Append(next);
                i += 2;
            }
        }
        return result.ToString();
    }
}
