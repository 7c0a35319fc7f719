@{
    Synopsis    = 'Lists the local practice clusters: name, status, address, process, data folder and start time.'
    Description = 'Get-KubeSandbox returns every instance in $env:PRACTICEK8S_HOME (see Start-KubeSandbox for where that is): its name (also its kubeconfig context), its status (Running; Stopped by Stop-KubeSandbox; or Exited when its server died without being stopped), its URL, process id, data folder, start time, its isolation (Namespaces: each container runs in its own Linux namespaces; None: pods run as your own processes and can read and change what you can), the kubeconfig holding its contexts, and its log file.'
    Parameters  = @{
        Name = 'Only these instances (wildcards allowed). A name that does not exist is an error.'
    }
    Outputs     = @('PracticeK8s.Engine.Sandbox.SandboxInfo')
    Examples    = @(
        @{ Title = 'status'; Code = 'Get-KubeSandbox'; Remarks = 'NAME, STATUS, URL, PID, STARTED, ISOLATION and DATA DIR of each instance.' }
        @{ Title = 'read its log'; Code = 'Get-Content (Get-KubeSandbox practicek8s).LogFile -Tail 20'; Remarks = 'The server''s own output.' }
    )
    Links       = @('Start-KubeSandbox', 'Stop-KubeSandbox', 'Remove-KubeSandbox')
}
