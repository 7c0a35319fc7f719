using System.Security.Cryptography;
using System.Text.Json;

namespace PracticeK8s.Sandbox.Security;

/// <summary>The admin and read-only bearer tokens, kept in DIR/tokens.json so a restart reuses them.</summary>
public sealed record SandboxTokens(string Admin, string ReadOnly)
{
    public const string FileName = "tokens.json";

    public static SandboxTokens LoadOrCreate(string dataDir, string? admin, string? readOnly)
    {
        var path = Path.Combine(dataDir, FileName);
        SandboxTokens? saved = null;
        if (File.Exists(path))
            saved = JsonSerializer.Deserialize<Saved>(File.ReadAllText(path)) is { } s && s.admin is not null && s.readOnly is not null
                ? new SandboxTokens(s.admin, s.readOnly) : null;
        var tokens = new SandboxTokens(admin ?? saved?.Admin ?? NewToken(), readOnly ?? saved?.ReadOnly ?? NewToken());
        if (tokens.Admin == tokens.ReadOnly) throw new ArgumentException("--token and --readonly-token must differ");
        if (tokens != saved)
            PrivateFiles.WriteAtomically(path, JsonSerializer.Serialize(new Saved(tokens.Admin, tokens.ReadOnly)));
        return tokens;
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    private sealed record Saved(string? admin, string? readOnly);
}
