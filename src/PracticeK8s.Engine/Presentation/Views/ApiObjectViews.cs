using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Engine.Presentation.Views;

/// <summary>
/// Makes the objects the cmdlets write: for each model class a subclass named
/// PracticeK8s.ApiViews.&lt;model&gt; (emitted once; the module emits them all at import) that
/// implements <see cref="IApiObjectView"/>, and a shallow copy of each model into it. Emitted rather
/// than written out because every built-in kind (over a hundred models) can reach the pipeline.
/// </summary>
public static class ApiObjectViews
{
    public const string Namespace = "PracticeK8s.ApiViews";

    /// <summary>The type name every view carries after its model's (format data for all API objects is selected by it).</summary>
    public const string CommonTypeName = "PracticeK8s.ApiObject";

    private static readonly ModuleBuilder s_module = DefineModule();

    private static readonly Dictionary<Type, Type?> s_views = new();
    private static readonly ConcurrentDictionary<Type, Func<object, object>?> s_copiers = new();

    /// <summary>
    /// How a nested JSON value of an entry is handed to PowerShell. The default is plain .NET values
    /// (ordered dictionaries, arrays, strings, numbers); the module replaces it with one whose values
    /// ConvertTo-Json writes whole at any -Depth.
    /// </summary>
    public static Func<JsonNode, object?> NestedValue { get; set; } = PlainValue;

    /// <summary>What every view gives as ICollection.SyncRoot (itself would print as its whole JSON in Format-List *).</summary>
    public static object SyncRoot { get; } = new();

    /// <summary>The name of the view class for a model class.</summary>
    public static string ViewTypeName(Type model) => $"{Namespace}.{model.Name}";

    /// <summary>The model class behind a view class (any other type is returned as is).</summary>
    public static Type ModelType(Type type) =>
        typeof(IApiObjectView).IsAssignableFrom(type) && type.BaseType is { } model ? model : type;

    /// <summary>The object as the pipeline should see it: a model becomes its view (a shallow copy); anything else is returned unchanged.</summary>
    public static object? ForPipeline(object? value)
    {
        if (value is null or IApiObjectView)
            return value;
        return s_copiers.GetOrAdd(value.GetType(), model => ViewType(model) is { } view ? Copier(model, view) : null) is { } copy
            ? copy(value)
            : value;
    }

    /// <summary>The view class of every built-in kind, emitted now (the module registers its property adapter for each).</summary>
    public static IReadOnlyList<Type> DefineAll() =>
        ModelTypes.All.Select(ViewType).OfType<Type>().ToArray();

    /// <summary>The view class of a model class (emitting it on first use), or null when the type is not a model.</summary>
    public static Type? ViewType(Type model)
    {
        lock (s_views)
        {
            if (!s_views.TryGetValue(model, out var view))
                s_views[model] = view = IsViewable(model) ? Define(model) : null;
            return view;
        }
    }

    /// <summary>The object's top-level API fields, in the API's order.</summary>
    public static OrderedDictionary Fields(IApiObjectView view)
    {
        var fields = new OrderedDictionary(StringComparer.Ordinal);
        if (ModelTypes.ToJson(view) is JsonObject json)
        {
            foreach (var (key, value) in json)
                fields[key] = value is null ? null : NestedValue(value);
        }
        return fields;
    }

    /// <summary>The names of the object's table properties (what a CSV of it holds).</summary>
    public static ICollection TableKeys(IApiObjectView view) =>
        ObjectProperties.For(ModelType(view.GetType())).TableKeys.ToArray();

    /// <summary>JSON as ordered dictionaries, object arrays, strings, numbers and booleans.</summary>
    public static object? PlainValue(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject map:
            {
                var result = new OrderedDictionary(StringComparer.Ordinal);
                foreach (var (key, child) in map)
                    result[key] = PlainValue(child);
                return result;
            }
            case JsonArray list:
                return list.Select(PlainValue).ToArray();
        }
        return PSObjectJson.ToScalar(node);
    }

    /// <summary>
    /// The views live in the default load context: PowerShell resolves type names (its type data,
    /// [PracticeK8s.ApiViews.V1Pod]) only there. The models and the interface they name resolve
    /// through the module's hook into its private context.
    /// </summary>
    private static ModuleBuilder DefineModule()
    {
        using var scope = AssemblyLoadContext.Default.EnterContextualReflection();
        return AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(Namespace), AssemblyBuilderAccess.Run).DefineDynamicModule(Namespace);
    }

    private static bool IsViewable(Type model) =>
        ModelTypes.IsModel(model) && !model.IsSealed && model.GetConstructor(Type.EmptyTypes) is not null;

    private static Type Define(Type model)
    {
        var builder = s_module.DefineType(ViewTypeName(model), TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class,
            model, [typeof(IApiObjectView)]);
        builder.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(JsonConverterAttribute).GetConstructor([typeof(Type)])!, [typeof(ApiObjectViewJsonConverter)]));
        builder.DefineDefaultConstructor(MethodAttributes.Public);
        foreach (var name in s_dictionaryProperties)
            DefineHiddenProperty(builder, name);
        return builder.CreateType();
    }

    /// <summary>The properties of IDictionary and ICollection, which PowerShell would otherwise list in Format-List * and Select-Object *.</summary>
    private static readonly string[] s_dictionaryProperties = ["Keys", "Values", "Count", "IsReadOnly", "IsFixedSize", "IsSynchronized", "SyncRoot"];

    /// <summary>
    /// public [Hidden] object Name => DictionaryProperty(this, "Name"): a class property of the same
    /// name hides the interface's from PowerShell, and [Hidden] keeps it out of its property lists.
    /// </summary>
    private static void DefineHiddenProperty(TypeBuilder builder, string name)
    {
        var getter = builder.DefineMethod("get_" + name, MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig,
            typeof(object), Type.EmptyTypes);
        var il = getter.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldstr, name);
        il.Emit(OpCodes.Call, typeof(ApiObjectViews).GetMethod(nameof(DictionaryProperty))!);
        il.Emit(OpCodes.Ret);
        var property = builder.DefineProperty(name, PropertyAttributes.None, typeof(object), Type.EmptyTypes);
        property.SetGetMethod(getter);
        property.SetCustomAttribute(new CustomAttributeBuilder(typeof(System.Management.Automation.HiddenAttribute).GetConstructor(Type.EmptyTypes)!, []));
    }

    /// <summary>The value of an IDictionary or ICollection property of a view (what its hidden class properties return).</summary>
    public static object? DictionaryProperty(object view, string name)
    {
        var dictionary = (IDictionary)view;
        return name switch
        {
            "Keys" => dictionary.Keys,
            "Values" => dictionary.Values,
            "Count" => dictionary.Count,
            "IsReadOnly" => dictionary.IsReadOnly,
            "IsFixedSize" => dictionary.IsFixedSize,
            "IsSynchronized" => dictionary.IsSynchronized,
            "SyncRoot" => dictionary.SyncRoot,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a dictionary property"),
        };
    }

    /// <summary>new View { every settable property = the model's }, compiled once per model class.</summary>
    private static Func<object, object> Copier(Type model, Type view)
    {
        var source = Expression.Parameter(typeof(object), "source");
        var typed = Expression.Variable(model, "model");
        var target = Expression.Variable(view, "view");
        var body = new List<Expression>
        {
            Expression.Assign(typed, Expression.Convert(source, model)),
            Expression.Assign(target, Expression.New(view)),
        };
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is { IsPublic: true } && property.SetMethod is { IsPublic: true })
                body.Add(Expression.Assign(Expression.Property(target, property), Expression.Property(typed, property)));
        }
        body.Add(Expression.Convert(target, typeof(object)));
        return Expression.Lambda<Func<object, object>>(Expression.Block([typed, target], body), source).Compile();
    }
}
