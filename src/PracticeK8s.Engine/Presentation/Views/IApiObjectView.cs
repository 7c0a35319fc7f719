using System.Collections;

namespace PracticeK8s.Engine.Presentation.Views;

/// <summary>
/// What PowerShell's serializers read from an API object. The pipeline gets a subclass of the model
/// (still a V1Pod to every cmdlet and every C# check) that also implements IDictionary through these
/// default members, because PowerShell serializes dictionaries by their contents:
/// <list type="bullet">
/// <item>ConvertTo-Json writes a dictionary's entries. The entries are the object's API fields
/// (apiVersion, kind, metadata, spec, status), so it writes the API JSON, not the model's
/// PascalCase properties and not the table cells.</item>
/// <item>ConvertTo-Csv and Export-Csv write one column per key and read each value as a property. The
/// keys are the table's properties (Name, Namespace, Ready, Status, ...), so a CSV holds what the
/// table shows.</item>
/// </list>
/// Contains is false for every key, so member access ($pod.Spec, $pod.Ready) still reaches the
/// properties. Count is 1 and position 0 is the object itself, as for any single PowerShell object
/// ((Get-KubePod)[0] and .Count work when one pod comes back). The view classes also carry these
/// properties (Keys, Values, Count, ...) as hidden class properties, so PowerShell does not list them.
/// </summary>
public interface IApiObjectView : IDictionary
{
    bool IDictionary.Contains(object key) => false;

    object? IDictionary.this[object key]
    {
        get => key is 0 or -1 ? this : null;
        set => throw ReadOnly();
    }

    ICollection IDictionary.Keys => ApiObjectViews.TableKeys(this);
    ICollection IDictionary.Values => ApiObjectViews.Fields(this).Values;
    bool IDictionary.IsReadOnly => true;
    bool IDictionary.IsFixedSize => true;
    void IDictionary.Add(object key, object? value) => throw ReadOnly();
    void IDictionary.Clear() => throw ReadOnly();
    void IDictionary.Remove(object key) => throw ReadOnly();
    IDictionaryEnumerator IDictionary.GetEnumerator() => ApiObjectViews.Fields(this).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ApiObjectViews.Fields(this).GetEnumerator();
    int ICollection.Count => 1;
    bool ICollection.IsSynchronized => false;
    object ICollection.SyncRoot => ApiObjectViews.SyncRoot;
    void ICollection.CopyTo(Array array, int index) => throw new NotSupportedException("an API object is one object, not a collection");

    private static NotSupportedException ReadOnly() =>
        new("the API fields of an object are read-only here; set its properties instead ($deployment.Spec.Replicas = 3)");
}
