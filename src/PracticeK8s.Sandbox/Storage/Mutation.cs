using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Storage;

/// <summary>What a writer decided, given the current state: store an object, remove it, or leave it.</summary>
public abstract record Mutation
{
    public sealed record Put(JsonObject Object) : Mutation;
    public sealed record Remove : Mutation;
    public sealed record Keep : Mutation;

    public static Mutation Store(JsonObject o) => new Put(o);
    public static readonly Mutation Delete = new Remove();
    public static readonly Mutation Unchanged = new Keep();
}

/// <summary>The result of a write: the object as stored (or as it would be, for dry runs) and whether it is gone.</summary>
public sealed record WriteResult(StoredObject? Object, bool Removed, bool Changed);
