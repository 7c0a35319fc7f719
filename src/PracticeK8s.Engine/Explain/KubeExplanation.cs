using System.Text;

namespace PracticeK8s.Engine.Explain;

/// <summary>
/// What kubectl explain shows for a kind or a field: where it is (group, kind, version, path), the
/// field's type, the descriptions, and the fields below it. <see cref="Text"/> is kubectl's plaintext.
/// </summary>
public sealed record KubeExplanation(string Group, string Kind, string Version, IReadOnlyList<string> FieldPath, string? FieldName, string? FieldType,
    IReadOnlyList<string> Descriptions, IReadOnlyList<SchemaField> Fields, bool Recursive)
{
    /// <summary>Descriptions are wrapped to this width, then indented by four spaces (80 columns in all).</summary>
    private const int WrapWidth = 76;

    public string Text
    {
        get
        {
            var text = new StringBuilder();
            if (Group.Length > 0)
                text.Append("GROUP:      ").Append(Group).Append('\n');
            text.Append("KIND:       ").Append(Kind).Append('\n');
            text.Append("VERSION:    ").Append(Version).Append("\n\n");
            if (FieldName is not null)
                text.Append("FIELD: ").Append(FieldName).Append(" <").Append(FieldType).Append(">\n\n\n");
            text.Append("DESCRIPTION:\n");
            foreach (var description in Descriptions)
                AppendIndented(text, WordWrap.Wrap(description, WrapWidth), "    ");
            text.Append("    \n");
            if (Fields.Count > 0)
            {
                text.Append("FIELDS:\n");
                AppendFields(text, Fields, 1);
            }
            text.Append('\n');
            return text.ToString();
        }
    }

    private void AppendFields(StringBuilder text, IReadOnlyList<SchemaField> fields, int level)
    {
        foreach (var field in fields)
        {
            text.Append(' ', 2 * level).Append(field.Name).Append("\t<").Append(field.Type).Append('>');
            if (field.Required)
                text.Append(" -required-");
            text.Append('\n');
            if (Recursive)
            {
                AppendFields(text, field.Fields, level + 1);
                continue;
            }
            if (field.Description.Length > 0)
                AppendIndented(text, WordWrap.Wrap(field.Description, WrapWidth), "    ");
            text.Append('\n');
        }
    }

    private static void AppendIndented(StringBuilder text, string wrapped, string indent)
    {
        foreach (var line in wrapped.Split('\n'))
            text.Append(indent).Append(line).Append('\n');
    }

    public override string ToString() => Text;
}
