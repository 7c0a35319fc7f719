// The sandbox API server: dotnet PracticeK8s.Sandbox.dll --data-dir DIR [--port 0] [--token T] [--readonly-token T] [--recover] (--help for all options)
return await PracticeK8s.Sandbox.Hosting.SandboxHost.RunAsync(args);
