namespace PracticeK8s.Merge;

/// <summary>RFC 6901 JSON pointers: <c>/a/b~1c</c> → <c>["a", "b/c"]</c>.</summary>
internal static class JsonPointer
{
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw PatchException.Invalid($"JSON pointer must be empty or start with a \"/\": {pointer}");
        }

        return pointer[1..].Split('/').Select(Unescape).ToArray();
    }

    /// <summary>The array index a token names, or -1 for <c>-</c> (one past the end).</summary>
    public static int ArrayIndex(string token, int count, bool allowEnd, string pointer)
    {
        if (token == "-" && allowEnd)
        {
            return count;
        }

        var valid = token.Length > 0 && token.All(char.IsAsciiDigit) && (token.Length == 1 || token[0] != '0');
        if (!valid || !int.TryParse(token, out var index))
        {
            throw PatchException.Invalid($"invalid array index {token} in {pointer}");
        }

        var limit = allowEnd ? count : count - 1;
        if (index > limit)
        {
            throw PatchException.Invalid($"array index {index} out of bounds in {pointer}");
        }

        return index;
    }

    private static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");
}
