using System.Text;

namespace PracticeK8s.Sandbox.Tests.Hostile;

/// <summary>Hostile request bodies, built small on the client.</summary>
public static class HostileBodies
{
    /// <summary>
    /// The "billion laughs" YAML: <c>a0: &amp;a0 "lol"</c>, then each <c>aN: &amp;aN [*aN-1 ×10]</c>, so <c>a{levels}</c>
    /// expands to 10^levels strings; each line starts with <paramref name="indent"/>, after <paramref name="prefix"/>.
    /// </summary>
    public static string AliasBomb(int levels, string prefix = "", string indent = "")
    {
        var sb = new StringBuilder(prefix);
        sb.Append(indent).Append("a0: &a0 \"lol\"\n");
        for (var n = 1; n <= levels; n++)
            sb.Append(indent).Append($"a{n}: &a{n} [").Append(string.Join(",", Enumerable.Repeat($"*a{n - 1}", 10))).Append("]\n");
        return sb.ToString();
    }

    /// <summary><c>depth</c> nested YAML flow sequences (or JSON arrays: the same text), 2 bytes a level.</summary>
    public static string NestedArrays(int depth) => new string('[', depth) + new string(']', depth);
}
