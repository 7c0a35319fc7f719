@{
    Synopsis    = 'Stops local practice clusters and takes their contexts out of the kubeconfig.'
    Description = 'Stop-KubeSandbox stops an instance started by Start-KubeSandbox (the server flushes its state and exits), removes the entries it added to your kubeconfig and puts back the current-context it replaced; a kubeconfig nobody changed in between is restored byte for byte, and one that did not exist before is removed. This session switches back to the context it used before. The instance keeps its objects for the next Start-KubeSandbox; a -Temporary instance is deleted. Without -Name it stops the default instance, practicek8s; -All stops every instance.'
    Parameters  = @{
        Name     = 'The instances to stop (wildcards allowed; Get-KubeSandbox output can be piped). Default: practicek8s.'
        All      = 'Stop every instance.'
        KeepData = 'Keep a temporary instance and its data instead of deleting it.'
        PassThru = 'Return the instances that were stopped.'
    }
    Outputs     = @('None', 'PracticeK8s.Engine.Sandbox.SandboxInfo')
    Examples    = @(
        @{ Title = 'stop'; Code = 'Stop-KubeSandbox'; Remarks = 'Your kubeconfig is as it was before Start-KubeSandbox.' }
        @{ Title = 'stop them all'; Code = 'Get-KubeSandbox | Where-Object Running | Stop-KubeSandbox'; Remarks = 'The same as Stop-KubeSandbox -All.' }
        @{ Title = 'see what would happen'; Code = 'Stop-KubeSandbox -WhatIf'; Remarks = 'Nothing is stopped.' }
    )
    Links       = @('Start-KubeSandbox', 'Get-KubeSandbox', 'Remove-KubeSandbox')
}
