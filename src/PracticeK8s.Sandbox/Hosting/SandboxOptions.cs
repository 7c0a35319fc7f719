namespace PracticeK8s.Sandbox.Hosting;

/// <summary>The command line: <c>--data-dir DIR [--port N] [--token T] [--readonly-token T]</c>.</summary>
public sealed record SandboxOptions(string DataDir, int Port, string? Token, string? ReadOnlyToken)
{
    public const string Usage =
        "usage: PracticeK8s.Sandbox --data-dir DIR [--port 0] [--token T] [--readonly-token T]";

    public static SandboxOptions Parse(IReadOnlyList<string> args)
    {
        string? dataDir = null, token = null, readOnly = null;
        int port = 0;
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--data-dir": dataDir = Value(); break;
                case "--port":
                    if (!int.TryParse(Value(), out port) || port < 0 || port > 65535)
                        throw new ArgumentException($"--port must be 0..65535. {Usage}");
                    break;
                case "--token": token = Value(); break;
                case "--readonly-token": readOnly = Value(); break;
                default: throw new ArgumentException($"unknown argument {args[i]}. {Usage}");
            }
        }
        if (string.IsNullOrWhiteSpace(dataDir)) throw new ArgumentException($"--data-dir is required. {Usage}");
        return new SandboxOptions(Path.GetFullPath(dataDir), port, token, readOnly);
    }
}
