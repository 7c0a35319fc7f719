@{
    Synopsis    = 'Starts a local practice cluster, makes it the kubeconfig''s current context, and switches this session to it.'
    Description = @'
Start-KubeSandbox starts a PracticeK8s sandbox: a local server, bundled with the module, that speaks the Kubernetes API over HTTPS on 127.0.0.1 with its own certificate authority and bearer tokens. It waits until the server answers and adds the instance's entries to your kubeconfig (the first file of $env:KUBECONFIG, or ~/.kube/config) without touching any other entry: a cluster and a context named after the instance (practicek8s by default), an admin user, and a read-only context NAME-readonly.

How kubectl reaches it: like kind and minikube, Start-KubeSandbox makes the instance the kubeconfig's current-context, so plain kubectl, a new pwsh, and Start-Job { Get-KubePod } all talk to it at once; it prints one line saying so. -NoSwitch keeps the previous current-context (then: kubectl --context practicek8s get nodes). Stop-KubeSandbox puts the previous current-context back and takes the entries out; a kubeconfig nobody changed in between is restored byte for byte (a file that did not exist before is removed).

Instances: -Name starts another cluster beside the first, on its own port, with its own contexts. Starting an instance that is already running returns it, with a warning. Two shells starting the same name at once get one cluster: each instance's start and stop take an operating-system lock.

Where state lives: each instance has a folder under $env:PRACTICEK8S_HOME/instances/NAME (default home: $XDG_STATE_HOME/practicek8s or ~/.local/state/practicek8s on Linux, ~/Library/Application Support/PracticeK8s on macOS, %LOCALAPPDATA%\PracticeK8s on Windows), created readable by you only. Its data/ folder holds the cluster's objects, certificates, tokens and the server's log (sandbox.log). An instance keeps its objects across Stop-KubeSandbox and Start-KubeSandbox; Remove-KubeSandbox deletes them; -Temporary makes an instance that is deleted when it stops (leftovers of a temporary instance whose server died are removed by the next start).

The server runs in a session of its own, so Ctrl+C in your terminal stops only the running command, never the cluster, and the cluster keeps running after the shell that started it exits, until Stop-KubeSandbox. The sandbox needs the dotnet host (the .NET runtime) to run.
'@
    Parameters  = @{
        Name      = 'The instance''s name, also its kubeconfig context: up to 40 lower-case letters, digits and dashes. Default: practicek8s. A name that a context of another cluster in your kubeconfig already has is refused.'
        DataDir   = 'A folder for the cluster''s state (objects, certificates, tokens, logs) instead of the instance''s own data folder. It is never deleted by Remove-KubeSandbox.'
        Port      = 'The port to listen on, on 127.0.0.1 only. 0 (the default) picks a free port.'
        NoSwitch  = 'Add the contexts to the kubeconfig but keep its current-context and this session''s context. Alias: NoUse.'
        Temporary = 'Delete the instance and its data when it stops.'
        Isolation = 'How pods run. Auto (the default): Namespaces where unprivileged user namespaces work, else None. Namespaces (Linux): each container runs in user, mount, PID, UTS and IPC namespaces of its own with a private root; home directories, the data folder, kubeconfigs and host processes are out of its reach. None: containers are processes of your own user and can read and change what you can (Start-KubeSandbox warns once). Get-KubeSandbox shows the mode.'
        Recover   = 'Start even though the stored objects (objects.wal or objects.snapshot in the data folder) have a damaged record, which otherwise stops the start with an error naming the file and byte offset. The original file is kept beside it as objects.wal.corrupt-<time>; the cluster continues from the records before the damaged one.'
        Timeout   = 'How many seconds to wait for the server to answer (and for another shell that is starting the same instance) before failing. Default: 60.'
    }
    Outputs     = @('PracticeK8s.Engine.Sandbox.SandboxInfo')
    Examples    = @(
        @{ Title = 'practise'; Code = 'Start-KubeSandbox; kubectl get nodes; Get-KubeNode'; Remarks = 'Starts the practice cluster; kubectl and the cmdlets both use it now.' }
        @{ Title = 'a second cluster'; Code = 'Start-KubeSandbox -Name web -NoSwitch; Get-KubePod -Context web'; Remarks = 'Runs a second instance beside the first; kubectl --context web reaches it.' }
        @{ Title = 'throw-away'; Code = 'Start-KubeSandbox -Name scratch -Temporary'; Remarks = 'Stop-KubeSandbox scratch deletes it with its objects.' }
        @{ Title = 'keep the state elsewhere'; Code = 'Start-KubeSandbox -DataDir ~/k8s-practice'; Remarks = 'Objects created now are there again after Stop-KubeSandbox and a new Start-KubeSandbox.' }
    )
    Links       = @('Stop-KubeSandbox', 'Get-KubeSandbox', 'Remove-KubeSandbox')
}
