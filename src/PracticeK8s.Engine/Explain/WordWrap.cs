using System.Text;

namespace PracticeK8s.Engine.Explain;

/// <summary>
/// Greedy word wrap as kubectl explain wraps descriptions: breaks at spaces so a line stays within the
/// limit, keeps the text's own line breaks, leaves a word longer than the limit whole on its line, and
/// drops the spaces at a break.
/// </summary>
public static class WordWrap
{
    public static string Wrap(string text, int limit)
    {
        var output = new StringBuilder(text.Length + text.Length / limit + 1);
        var word = new StringBuilder();
        var spaces = new StringBuilder();
        var current = 0;

        void FlushWord()
        {
            current += spaces.Length + word.Length;
            output.Append(spaces).Append(word);
            spaces.Clear();
            word.Clear();
        }

        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (word.Length == 0)
                {
                    if (current + spaces.Length <= limit)
                        output.Append(spaces);
                    spaces.Clear();
                }
                else
                {
                    FlushWord();
                }
                output.Append('\n');
                current = 0;
            }
            else if (char.IsWhiteSpace(c) && c != '\u00a0')
            {
                if (spaces.Length == 0 || word.Length > 0)
                    FlushWord();
                spaces.Append(c);
            }
            else
            {
                word.Append(c);
                if (current + spaces.Length + word.Length > limit && word.Length < limit)
                {
                    output.Append('\n');
                    current = 0;
                    spaces.Clear();
                }
            }
        }
        if (word.Length == 0)
        {
            if (current + spaces.Length <= limit)
                output.Append(spaces);
        }
        else
        {
            output.Append(spaces).Append(word);
        }
        return output.ToString();
    }
}
