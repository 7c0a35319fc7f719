using System.Text.Encodings.Web;
using System.Text.Json;

namespace PracticeK8s.Sandbox.Storage;

/// <summary>
/// One JSON output style for everything the server writes: UTF-8 text as is and quotes as <c>\"</c>
/// (the default encoder would write <c>\u0022</c>, which clients accept but people misread).
/// </summary>
public static class JsonOutput
{
    /// <summary>
    /// Nesting allowed in stored and served objects: request bodies are held to <c>BodyLimits.MaxDepth</c> (64), and
    /// an object's managedFields mirror its fields four levels further down.
    /// </summary>
    public const int MaxDepth = 128;

    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth };
    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}
