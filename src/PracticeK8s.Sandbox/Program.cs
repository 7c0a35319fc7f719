// The sandbox API server: dotnet PracticeK8s.Sandbox.dll --data-dir DIR [--port 0] [--token T] [--readonly-token T] [--recover] (--help for all options)
// (The same program runs the cluster network's helper process: see Networking/Cluster/NetworkHelper.cs.)
if (args is [PracticeK8s.Sandbox.Networking.Cluster.NetworkHelper.Command, var socketPath, var ipProgram])
    return PracticeK8s.Sandbox.Networking.Cluster.NetworkHelper.Run(socketPath, ipProgram);
return await PracticeK8s.Sandbox.Hosting.SandboxHost.RunAsync(args);
