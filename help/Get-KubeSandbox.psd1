@{
    Synopsis    = 'Shows whether the local practice cluster is running, and where.'
    Description = 'Get-KubeSandbox returns the sandbox started by Start-KubeSandbox: whether its process is running, its address, process id, data folder, the kubeconfig its context was added to and its log file. When none was started it returns an object with Running set to false.'
    Parameters  = @{}
    Outputs     = @('PracticeK8s.Engine.Sandbox.SandboxInfo')
    Examples    = @(
        @{ Title = 'status'; Code = 'Get-KubeSandbox'; Remarks = 'CONTEXT, STATUS, URL, PID and DATA DIR.' }
        @{ Title = 'read its log'; Code = 'Get-Content (Get-KubeSandbox).LogFile -Tail 20'; Remarks = 'The server''s own output.' }
    )
    Links       = @('Start-KubeSandbox', 'Stop-KubeSandbox')
}
