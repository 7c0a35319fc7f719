namespace PracticeK8s.Merge;

/// <summary>A path to a field, list element or value of an object, e.g. <c>.spec.containers[name="web"].image</c>.</summary>
public sealed class FieldPath : IReadOnlyList<PathElement>, IEquatable<FieldPath>
{
    private readonly PathElement[] elements;

    public FieldPath(IEnumerable<PathElement> elements)
    {
        this.elements = elements.ToArray();
    }

    public static FieldPath Root { get; } = new([]);

    public int Count => elements.Length;

    public PathElement this[int index] => elements[index];

    /// <summary>Parses dotted field names only: <c>spec.replicas</c> → <c>.spec.replicas</c>.</summary>
    public static FieldPath OfFields(params string[] names) => new(names.Select(PathElement.Field));

    public FieldPath Append(PathElement element) => new(elements.Append(element));

    public IEnumerator<PathElement> GetEnumerator() => ((IEnumerable<PathElement>)elements).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(FieldPath? other) => other is not null && elements.SequenceEqual(other.elements);

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => elements.Aggregate(17, (h, e) => HashCode.Combine(h, e));

    /// <summary>The form Kubernetes uses in apply conflicts: <c>.spec.replicas</c>.</summary>
    public override string ToString() => string.Concat(elements.Select(e => e.Display));
}
