using System.Text;
using PracticeK8s.Printing.Tables;

namespace PracticeK8s.Printing;

/// <summary>How a <c>kubectl get</c> listing is laid out (the flags that add or hide columns).</summary>
public sealed record TableOptions
{
    /// <summary><c>-o wide</c>: include priority-1 columns.</summary>
    public bool Wide { get; init; }

    /// <summary><c>-A</c>: a NAMESPACE column first (never for cluster-scoped kinds, which have no namespace).</summary>
    public bool WithNamespace { get; init; }

    /// <summary><c>--show-kind</c>: prefix names with "kind[.group]/"; applied anyway when several kinds are listed.</summary>
    public bool ShowKind { get; init; }

    /// <summary><c>--no-headers</c>.</summary>
    public bool NoHeaders { get; init; }

    /// <summary><c>-L key</c>: one column per label key, after the kind's columns.</summary>
    public IReadOnlyList<string> LabelColumns { get; init; } = [];

    /// <summary><c>--show-labels</c>: a LABELS column last.</summary>
    public bool ShowLabels { get; init; }
}

/// <summary>Renders objects as <c>kubectl get</c> prints them: one aligned table per kind, a blank line between tables.</summary>
public static class KubeTable
{
    /// <summary>The full text, each line ending in "\n"; empty when there are no objects.</summary>
    public static string Render(IEnumerable<object> resources, DateTime nowUtc, TableOptions? options = null)
    {
        options ??= new TableOptions();
        // Objects without a dedicated printer share the generic one but still get one table per kind.
        var groups = resources.GroupBy(r => (Printer: KubePrinters.For(r), Kind: GenericKind(r))).ToList();
        bool showKind = options.ShowKind || groups.Count > 1;
        var text = new StringBuilder();
        foreach (var group in groups)
        {
            if (text.Length > 0 && !options.NoHeaders) text.Append('\n');
            var rows = Rows(group.Key.Printer, group, nowUtc, options with { ShowKind = showKind });
            text.Append(TabWriter.Format(rows, TabWriter.TableMinWidth, TabWriter.TablePadding));
        }
        return text.ToString();
    }

    /// <summary>The header row (unless NoHeaders) and one row per object, before alignment.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(IKindPrinter printer, IEnumerable<object> resources, DateTime nowUtc,
        TableOptions? options = null)
    {
        options ??= new TableOptions();
        var shown = VisibleColumns(printer, options.Wide);
        var objects = resources as IReadOnlyCollection<object> ?? resources.ToList();
        // The server never sets a namespace on a cluster-scoped object: a table of named objects none of which has one
        // gets no NAMESPACE column (objects this library cannot read keep it).
        bool withNamespace = options.WithNamespace
            && (objects.Count == 0 || objects.Any(r => ObjectIdentity.Of(r) is var id && (id.Namespace is not null || id.Name is null)));
        var rows = new List<IReadOnlyList<string>>();

        if (!options.NoHeaders)
        {
            var header = new List<string>();
            if (withNamespace) header.Add("NAMESPACE");
            header.AddRange(shown.Select(i => printer.Columns[i].Header));
            header.AddRange(options.LabelColumns.Select(LabelHeader));
            if (options.ShowLabels) header.Add("LABELS");
            rows.Add(header);
        }

        foreach (var resource in objects)
        {
            var identity = ObjectIdentity.Of(resource);
            var cells = printer.Cells(resource, nowUtc);
            var row = new List<string>();
            if (withNamespace) row.Add(identity.Namespace ?? "");
            foreach (var i in shown)
            {
                var cell = Sanitize(cells[i]);
                if (options.ShowKind && printer.Columns[i].Format == "name") cell = KindPrefix(printer, identity) + cell;
                row.Add(cell);
            }
            foreach (var key in options.LabelColumns)
                row.Add(identity.Labels is not null && identity.Labels.TryGetValue(key, out var value) ? value : "");
            if (options.ShowLabels) row.Add(KubeFormat.Labels(identity.Labels));
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// What kubectl writes to stderr when nothing is listed: "No resources found in NS namespace.", or
    /// "No resources found" with -A or when every kind involved is cluster-scoped (pass null).
    /// </summary>
    public static string NoResourcesMessage(string? ns) =>
        string.IsNullOrEmpty(ns) ? "No resources found" : $"No resources found in {ns} namespace.";

    /// <summary>Indexes of the columns kubectl shows: priority 0, plus priority 1 with -o wide.</summary>
    public static IReadOnlyList<int> VisibleColumns(IKindPrinter printer, bool wide) =>
        Enumerable.Range(0, printer.Columns.Count).Where(i => wide || printer.Columns[i].Priority == 0).ToArray();

    /// <summary>
    /// A cell as a server Table carries it: integer columns as numbers (when the text is one), everything
    /// else as the text kubectl prints.
    /// </summary>
    public static object CellValue(TableColumn column, string cell) =>
        column.Type == "integer" && long.TryParse(cell, out var number) ? number : cell;

    /// <summary>The -L column header: the upper-cased text after the key's last "/".</summary>
    public static string LabelHeader(string key) => key[(key.LastIndexOf('/') + 1)..].ToUpperInvariant();

    /// <summary>
    /// kubectl's cell clean-up: cut at the first line break (adding "...") and show terminal escapes visibly.
    /// </summary>
    public static string Sanitize(string cell)
    {
        var cut = cell.IndexOfAny(['\n', '\r', '\f']);
        if (cut >= 0) cell = cell[..cut] + "...";
        return cell.Replace("\u001b", "^[");
    }

    private static string GenericKind(object resource)
    {
        if (!ReferenceEquals(KubePrinters.For(resource), KubePrinters.Generic)) return "";
        var identity = ObjectIdentity.Of(resource);
        return $"{identity.ApiVersion}/{identity.Kind}/{resource.GetType().FullName}";
    }

    private static string KindPrefix(IKindPrinter printer, ObjectIdentity identity)
    {
        var kind = printer.Kind.Length > 0 ? printer.Kind : identity.Kind ?? "";
        var group = printer.Kind.Length > 0 ? printer.Group : identity.ApiVersion ?? "";
        var prefixed = KubeFormat.KindAndName(kind, group, "");
        return prefixed;
    }
}
