@{
    Synopsis    = 'Stops port-forwards of this session.'
    Description = @'
Stop-KubePortForward stops forwards started by Start-KubePortForward: their listeners close at once (the local ports are free when the command returns), open connections are cut, and the forwards leave the Get-KubePortForward list. Name them by -Id, pipe them from Get-KubePortForward or Start-KubePortForward, or use -All. It supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        Id  = 'The forwards to stop; bound from the Id of piped forwards.'
        All = 'Stop every forward of this session.'
    }
    Inputs      = @('PracticeK8s.Engine.PortForward.PortForwardSession (by the Id property)')
    Outputs     = @('None')
    Examples    = @(
        @{ Title = 'one forward'; Code = 'Stop-KubePortForward 1'; Remarks = 'Stops forward 1 and frees its ports.' }
        @{ Title = 'everything'; Code = 'Get-KubePortForward | Stop-KubePortForward'; Remarks = 'The same as Stop-KubePortForward -All.' }
    )
    Links       = @('Start-KubePortForward', 'Get-KubePortForward')
}
