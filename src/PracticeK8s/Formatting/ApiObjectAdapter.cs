using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;
using PracticeK8s.Engine.Presentation.Views;

namespace PracticeK8s.Formatting;

/// <summary>
/// The properties of the objects the cmdlets write (PracticeK8s.ApiViews.*, registered at import by
/// ApiObjectTypeData): kubectl's cells, Name, Namespace, Age and the model's own properties
/// (Metadata, Spec, ...). They are adapted properties rather than type-data members because
/// ConvertTo-Json adds an object's type-data properties to its output and must write only the API
/// fields (see IApiObjectView). The hidden helpers the tables bind (AgeText, KindName) stay in the type data.
/// </summary>
public sealed class ApiObjectAdapter : PSPropertyAdapter
{
    private sealed record Entry(string Name, string TypeName, Func<object, object?> Get, PropertyInfo? Settable);

    private sealed record Table(Entry[] Entries, Dictionary<string, Entry> ByName, string[] TypeNames);

    private static readonly ConcurrentDictionary<Type, Table> s_tables = new();
    private static readonly ConditionalWeakTable<object, Dictionary<string, Entry>> s_notes = new();

    /// <summary>
    /// Adds a note to one written object (WatchEvent, the text of a mixed listing's row): shown and
    /// usable like a property, but not part of the object's API JSON. Other objects get a note property.
    /// </summary>
    public static void AddNote(PSObject target, string name, object? value)
    {
        if (target.BaseObject is not IApiObjectView view)
        {
            target.Properties.Add(new PSNoteProperty(name, value));
            return;
        }
        AddEntry(view, name, value);
    }

    /// <summary>
    /// A line of kubectl's table for one written object (KubeTableText, KubeTableHeader, ...), which the
    /// default view prints (KubeTableView). Kept aside, not as a property: Select-Object *, Export-Csv and
    /// the JSON stay what they were. Objects of kinds without a model are keyed by their PSObject (their
    /// base is the shared PSCustomObject).
    /// </summary>
    public static void AddTableLine(PSObject target, string name, string value)
    {
        var lines = s_tableLines.GetValue(TableLineKey(target), _ => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        lock (lines)
            lines[name] = value;
    }

    /// <summary>A table line <see cref="AddTableLine"/> gave the object, or null.</summary>
    public static string? TableLine(PSObject target, string name)
    {
        if (!s_tableLines.TryGetValue(TableLineKey(target), out var lines))
            return null;
        lock (lines)
            return lines.GetValueOrDefault(name);
    }

    private static object TableLineKey(PSObject target) => target.BaseObject is PSCustomObject ? target : target.BaseObject;

    private static readonly ConditionalWeakTable<object, Dictionary<string, string>> s_tableLines = new();

    private static void AddEntry(IApiObjectView view, string name, object? value)
    {
        var notes = s_notes.GetValue(view, _ => new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));
        lock (notes)
            notes[name] = new Entry(name, value?.GetType().FullName ?? "System.Object", _ => value, null);
    }

    public override Collection<PSAdaptedProperty> GetProperties(object baseObject)
    {
        var result = new Collection<PSAdaptedProperty>();
        foreach (var entry in TableOf(baseObject).Entries)
            result.Add(new PSAdaptedProperty(entry.Name, entry));
        if (s_notes.TryGetValue(baseObject, out var notes))
        {
            lock (notes)
            {
                foreach (var entry in notes.Values)
                    result.Add(new PSAdaptedProperty(entry.Name, entry));
            }
        }
        return result;
    }

    public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName)
    {
        if (TableOf(baseObject).ByName.TryGetValue(propertyName, out var entry))
            return new PSAdaptedProperty(entry.Name, entry);
        if (s_notes.TryGetValue(baseObject, out var notes))
        {
            lock (notes)
            {
                if (notes.TryGetValue(propertyName, out var note))
                    return new PSAdaptedProperty(note.Name, note);
            }
        }
        return null;
    }

    public override object? GetPropertyValue(PSAdaptedProperty adaptedProperty) =>
        ((Entry)adaptedProperty.Tag).Get(adaptedProperty.BaseObject);

    public override bool IsGettable(PSAdaptedProperty adaptedProperty) => true;

    public override bool IsSettable(PSAdaptedProperty adaptedProperty) => ((Entry)adaptedProperty.Tag).Settable is not null;

    public override void SetPropertyValue(PSAdaptedProperty adaptedProperty, object value)
    {
        var property = ((Entry)adaptedProperty.Tag).Settable
            ?? throw new SetValueException($"{adaptedProperty.Name} is computed from the object (a kubectl column); set the API fields instead");
        property.SetValue(adaptedProperty.BaseObject, LanguagePrimitives.ConvertTo(value, property.PropertyType));
    }

    public override string GetPropertyTypeName(PSAdaptedProperty adaptedProperty) => ((Entry)adaptedProperty.Tag).TypeName;

    /// <summary>The view, its model and the model's bases, then PracticeK8s.ApiObject: format and type data keyed on the model still apply.</summary>
    public override Collection<string> GetTypeNameHierarchy(object baseObject) => new(TableOf(baseObject).TypeNames.ToList());

    private static Table TableOf(object baseObject) => s_tables.GetOrAdd(baseObject.GetType(), Build);

    private static Table Build(Type viewType)
    {
        var model = ApiObjectViews.ModelType(viewType);
        var entries = new List<Entry>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in ObjectProperties.For(model).Properties.Where(p => !p.Hidden))
        {
            entries.Add(new Entry(property.Name, property.ValueType.FullName!, property.Get, null));
            taken.Add(property.Name);
        }
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true } || !taken.Add(property.Name))
                continue;
            entries.Add(new Entry(property.Name, property.PropertyType.FullName ?? property.PropertyType.Name, property.GetValue,
                property.SetMethod is { IsPublic: true } ? property : null));
        }
        var typeNames = new List<string>();
        for (var type = viewType; type is not null && type != typeof(object); type = type.BaseType)
            typeNames.Add(type.FullName!);
        typeNames.Add(ApiObjectViews.CommonTypeName);
        typeNames.Add(typeof(object).FullName!);
        var array = entries.ToArray();
        return new Table(array, array.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase), typeNames.ToArray());
    }
}
