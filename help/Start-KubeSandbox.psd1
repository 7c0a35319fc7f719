@{
    Synopsis    = 'Starts the local practice cluster and switches this session to it.'
    Description = @'
Start-KubeSandbox starts the PracticeK8s sandbox: a local server, bundled with the module, that speaks the Kubernetes API over HTTPS on 127.0.0.1 with its own certificate authority and a bearer token. It waits until the server answers, adds the practicek8s-sandbox context (with its cluster and user, and a read-only practicek8s-sandbox-readonly context) to your kubeconfig — the first file of $env:KUBECONFIG, or ~/.kube/config — without touching any other entry, and switches this PowerShell session to it unless -NoUse is given. kubectl works against it too: kubectl --context practicek8s-sandbox get pods.

By default the cluster's state lives in a new temporary folder that Stop-KubeSandbox removes; give -DataDir to keep the state between runs. The sandbox needs the dotnet host (the .NET runtime) to run.
'@
    Parameters  = @{
        DataDir = 'A folder for the cluster''s state (objects, certificates, tokens, logs). Reusing it restarts the same cluster.'
        Port    = 'The port to listen on, on 127.0.0.1 only. 0 (the default) picks a free port.'
        NoUse   = 'Add the context to the kubeconfig but keep this session on its current context.'
        Timeout = 'How many seconds to wait for the server to answer before failing. Default: 60.'
    }
    Outputs     = @('PracticeK8s.Engine.Sandbox.SandboxInfo')
    Examples    = @(
        @{ Title = 'practise'; Code = 'Start-KubeSandbox; Get-KubeNode'; Remarks = 'Starts the practice cluster and lists its nodes.' }
        @{ Title = 'keep the state'; Code = 'Start-KubeSandbox -DataDir ~/k8s-practice'; Remarks = 'Objects created now are there again after Stop-KubeSandbox and a new Start-KubeSandbox on the same folder.' }
    )
    Links       = @('Stop-KubeSandbox', 'Get-KubeSandbox')
}
