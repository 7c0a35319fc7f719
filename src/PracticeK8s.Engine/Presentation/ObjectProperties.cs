using System.Collections.Concurrent;
using System.Reflection;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Presentation;

/// <summary>A property PowerShell shows on an API object besides the model's own.</summary>
/// <param name="Name">The property name ("Ready", "Age").</param>
/// <param name="ValueType">What the getter returns.</param>
/// <param name="Hidden">Hidden from Get-Member and Format-List *, still usable by name (the tables bind these).</param>
/// <param name="Member">The PracticeK8s.Formatting.KubeMembers getter the type data names for a hidden property.</param>
/// <param name="Get">The getter, on the model.</param>
public sealed record ObjectProperty(string Name, Type ValueType, bool Hidden, string Member, Func<object, object?> Get);

/// <summary>A table column and the property it shows.</summary>
public sealed record BoundColumn(string Header, string Property, int Priority, bool IsName);

/// <summary>Everything PowerShell adds to one model class: its properties, its table columns, its default display.</summary>
public sealed record ObjectPropertyPlan(
    Type Model,
    IKindPrinter? Printer,
    bool Namespaced,
    IReadOnlyList<ObjectProperty> Properties,
    IReadOnlyList<BoundColumn> Columns,
    IReadOnlyList<string> Display,
    IReadOnlyList<string> TableKeys);

/// <summary>
/// Which properties an API object gets in PowerShell: each kubectl column becomes a property
/// (computed by the printing library), plus Name, Namespace, Age (a TimeSpan) and, by kind,
/// LabelSelector, Restarts (an int) and ApiStatus. A column whose name is already a property of the
/// model (ConfigMap's Data) becomes &lt;Name&gt;Text so the API field stays reachable; Status is the
/// exception: kubectl's STATUS text wins and the API object is ApiStatus. The module's property
/// adapter, its type data and its table views all read this one plan.
/// </summary>
public static class ObjectProperties
{
    private static readonly ConcurrentDictionary<Type, ObjectPropertyPlan> s_plans = new();

    public static ObjectPropertyPlan For(Type model) => s_plans.GetOrAdd(model, Build);

    private static ObjectPropertyPlan Build(Type model)
    {
        var printer = KubePrinters.ForType(model);
        var modelProperties = model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var entry = KindCatalog.ForModel(model);
        var namespaced = entry?.Resource.Namespaced ?? true;
        var properties = new List<ObjectProperty>
        {
            new("Name", typeof(string), false, "Name", ObjectCells.Name),
            new("Namespace", typeof(string), false, "Namespace", ObjectCells.Namespace),
            new("Age", typeof(TimeSpan), false, "Age", m => ObjectCells.Age(m)),
            new("AgeText", typeof(string), true, "AgeText", ObjectCells.AgeText),
            new("KindName", typeof(string), true, "KindName", ObjectCells.KindName),
        };
        var columns = new List<BoundColumn>();
        var display = new List<string> { "Name" };
        var keys = new List<string> { "Name" };
        if (namespaced)
        {
            display.Add("Namespace");
            keys.Add("Namespace");
        }
        if (printer is not null)
        {
            if (entry?.Selector is not null)
                properties.Add(new("LabelSelector", typeof(string), false, "LabelSelector", ObjectCells.LabelSelector));
            if (modelProperties.Contains("Status"))
                properties.Add(new("ApiStatus", model.GetProperty("Status")!.PropertyType, false, "ApiStatus", ObjectCells.ApiStatus));
            for (int i = 0; i < printer.Columns.Count; i++)
            {
                var column = printer.Columns[i];
                var index = i;
                string bound;
                if (column.Format == "name" && column.DecoratesName)
                {
                    // Name stays the object's name for pipelines; the table shows the printer's cell.
                    properties.Add(new("NameText", typeof(string), true, $"Cell{i}", m => ObjectCells.Cell(m, index)));
                    bound = "NameText";
                }
                else if (column.Format == "name")
                {
                    bound = "Name";
                }
                else if (column.Property == "Age")
                {
                    bound = "AgeText";
                }
                else if (printer.Kind == "Pod" && column.Property == "Restarts")
                {
                    properties.Add(new("Restarts", typeof(int), false, "Restarts", m => ObjectCells.Restarts(m)));
                    properties.Add(new("RestartsText", typeof(string), true, $"Cell{i}", m => ObjectCells.Cell(m, index)));
                    keys.Add("Restarts");
                    bound = "RestartsText";
                }
                else
                {
                    bound = column.Property != "Status" && modelProperties.Contains(column.Property) ? column.Property + "Text" : column.Property;
                    properties.Add(new(bound, column.Type == "integer" ? typeof(long) : typeof(string), false, $"Cell{i}", m => ObjectCells.Cell(m, index)));
                    keys.Add(bound);
                    if (bound == "Status")
                        display.Add("Status");
                }
                columns.Add(new BoundColumn(column.Header, bound, column.Priority, column.Format == "name"));
            }
        }
        display.Add("Age");
        keys.Add("Age");
        return new ObjectPropertyPlan(model, printer, namespaced, properties, columns, display, keys);
    }
}
