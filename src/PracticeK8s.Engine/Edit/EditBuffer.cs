using System.Text;

namespace PracticeK8s.Engine.Edit;

/// <summary>The text kubectl edit puts in the editor: a comment header (with the last errors) above the object's YAML.</summary>
public static class EditBuffer
{
    public static readonly string[] Header =
    [
        "# Please edit the object below. Lines beginning with a '#' will be ignored,",
        "# and an empty file will abort the edit. If an error occurs while saving this file will be",
        "# reopened with the relevant failures.",
        "#",
    ];

    /// <summary>The file content: header, then each error line as a comment, then the body.</summary>
    public static string Compose(string body, IReadOnlyList<string> errors, string newline = "\n")
    {
        var text = new StringBuilder();
        foreach (var line in Header)
            text.Append(line).Append(newline);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                foreach (var line in error.Split('\n'))
                    text.Append("# ").Append(line.TrimEnd('\r')).Append(newline);
            }
            text.Append('#').Append(newline);
        }
        var normalized = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        text.Append(newline == "\n" ? normalized : normalized.Replace("\n", newline, StringComparison.Ordinal));
        return text.ToString();
    }

    /// <summary>The content without comment lines ('#' in the first column), line endings as \n.</summary>
    public static string StripComments(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join("\n", lines.Where(l => !l.StartsWith('#')));
    }

    public static bool IsEmpty(string stripped) => stripped.Trim().Length == 0;
}
