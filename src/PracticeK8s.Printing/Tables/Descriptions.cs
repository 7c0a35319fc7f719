namespace PracticeK8s.Printing.Tables;

/// <summary>Column descriptions shared by many kinds (paraphrasing the API's field documentation).</summary>
internal static class Descriptions
{
    public const string Name = "Name must be unique within a namespace. It identifies the object and cannot be updated.";
    public const string Age = "CreationTimestamp is the time the server created this object; shown as the time elapsed since then.";
    public const string Containers = "Names of each container in the template.";
    public const string Images = "Images referenced by each container in the template.";
    public const string Selector = "Label query over the pods that should match the replica count.";
}
