@{
    Synopsis    = 'Stops the local practice cluster and takes its context out of the kubeconfig.'
    Description = 'Stop-KubeSandbox stops the sandbox started by Start-KubeSandbox (it flushes its state and exits), removes the practicek8s-* entries it added to your kubeconfig, switches this session back to the context it used before, and deletes the temporary data folder unless the sandbox was started with -DataDir or -KeepData is given.'
    Parameters  = @{
        KeepData = 'Keep a temporary data folder instead of deleting it.'
        PassThru = 'Return the sandbox that was stopped.'
    }
    Outputs     = @('None', 'PracticeK8s.Engine.Sandbox.SandboxInfo')
    Examples    = @(
        @{ Title = 'stop'; Code = 'Stop-KubeSandbox'; Remarks = 'Your kubeconfig is as it was before Start-KubeSandbox.' }
        @{ Title = 'see what would happen'; Code = 'Stop-KubeSandbox -WhatIf'; Remarks = 'Nothing is stopped.' }
    )
    Links       = @('Start-KubeSandbox', 'Get-KubeSandbox')
}
