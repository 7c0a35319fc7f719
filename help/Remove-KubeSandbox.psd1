@{
    Synopsis    = 'Deletes local practice clusters: stops them if they run, then removes their objects, certificates, tokens and logs.'
    Description = 'Remove-KubeSandbox stops an instance like Stop-KubeSandbox (kubeconfig entries out, current-context back) and then deletes its folder under $env:PRACTICEK8S_HOME/instances. A data folder given to Start-KubeSandbox with -DataDir is left where it is. It asks for confirmation first (ConfirmImpact High); -Confirm:$false skips the question.'
    Parameters  = @{
        Name = 'The instances to delete (wildcards allowed; Get-KubeSandbox output can be piped). Default: practicek8s.'
        All  = 'Delete every instance.'
    }
    Outputs     = @('None')
    Examples    = @(
        @{ Title = 'start over'; Code = 'Remove-KubeSandbox -Confirm:$false; Start-KubeSandbox'; Remarks = 'A fresh practice cluster with none of the old objects.' }
        @{ Title = 'clean up'; Code = 'Remove-KubeSandbox -All -WhatIf'; Remarks = 'Lists what would be deleted.' }
    )
    Links       = @('Start-KubeSandbox', 'Stop-KubeSandbox', 'Get-KubeSandbox')
}
