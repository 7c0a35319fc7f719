using k8s.Models;

namespace PracticeK8s.Printing.Describe.Kinds;

/// <summary>describe serviceaccount. Related objects: <see cref="DescribeInput.Secrets"/>, <see cref="DescribeInput.Events"/>.</summary>
internal static class ServiceAccountDescriber
{
    // kubectl pads these headers itself and sorts them; further names go under a blank header of the same width.
    private static readonly (string Header, string Label)[] Headers =
    [
        ("Image pull secrets:", "Image pull secrets"), ("Mountable secrets: ", "Mountable secrets"), ("Tokens:            ", "Tokens"),
    ];

    public static void Write(DescribeBuilder w, V1ServiceAccount account, DescribeInput input, DateTime now)
    {
        var meta = account.Metadata ?? new V1ObjectMeta();
        w.Field(0, "Name", meta.Name);
        w.Field(0, "Namespace", meta.NamespaceProperty);
        Common.Labels(w, "Labels", meta.Labels);
        Common.Annotations(w, "Annotations", meta.Annotations);

        var tokens = new List<string>();
        var missing = new HashSet<string>();
        if (input.Secrets is { } secrets)
        {
            var existing = secrets.Select(s => s.Metadata?.Name).ToHashSet();
            tokens.AddRange(secrets.Where(s => s.Type == "kubernetes.io/service-account-token"
                    && s.Metadata?.Annotations.ValueOrNull("kubernetes.io/service-account.name") == meta.Name
                    && (s.Metadata?.Annotations.ValueOrNull("kubernetes.io/service-account.uid") ?? "") == (meta.Uid ?? ""))
                .Select(s => s.Metadata?.Name ?? ""));
            foreach (var name in (account.Secrets ?? []).Select(s => s.Name).Concat((account.ImagePullSecrets ?? []).Select(s => s.Name)))
                if (!existing.Contains(name)) missing.Add(name);
        }
        var names = new[]
        {
            (account.ImagePullSecrets ?? []).Select(s => s.Name).ToList(),
            (account.Secrets ?? []).Select(s => s.Name).ToList(),
            tokens,
        };
        for (int i = 0; i < Headers.Length; i++)
        {
            var (header, label) = Headers[i];
            var values = names[i].Select(n => missing.Contains(n) ? $"{n} (not found)" : n).ToArray();
            w.Add(new DescribeSection
            {
                Kind = DescribeSectionKind.Field, Label = label, Separator = header[(label.Length + 1)..] + "\t",
                Value = values.Length == 0 ? KubeFormat.None : values[0], MoreValues = values.Skip(1).ToArray(), ContinuationIndent = header.Length,
            });
        }
        EventsSection.Write(w, input.Events, now);
    }
}
