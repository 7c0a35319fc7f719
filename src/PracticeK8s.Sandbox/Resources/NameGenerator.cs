using System.Security.Cryptography;

namespace PracticeK8s.Sandbox.Resources;

/// <summary>Random name suffixes from the alphabet Kubernetes uses (no vowels, no look-alikes).</summary>
public static class NameGenerator
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
    public const int MaxPrefix = 58;

    public static string Suffix(int length = 5) =>
        string.Create(length, 0, (span, _) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });

    /// <summary>The name for <c>metadata.generateName</c>: prefix (cut to 58 chars) + 5 random characters.</summary>
    public static string FromGenerateName(string prefix) =>
        (prefix.Length > MaxPrefix ? prefix[..MaxPrefix] : prefix) + Suffix();
}
