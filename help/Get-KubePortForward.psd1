@{
    Synopsis    = 'Lists the port-forwards of this session.'
    Description = @'
Get-KubePortForward lists the forwards Start-KubePortForward started in this PowerShell session, numbered from 1: running ones, and ones that ended by themselves (State Ended, the reason in Error, such as "lost connection to pod" after the pod was deleted) until Stop-KubePortForward removes them. A forward that ended since the last PracticeK8s command is also reported as a warning.
'@
    Parameters  = @{
        Id = 'Only the forwards with these Ids; an Id that does not exist is a non-terminating ObjectNotFound error.'
    }
    Inputs      = @('objects with an Id property (forwards)')
    Outputs     = @('PracticeK8s.Engine.PortForward.PortForwardSession')
    Examples    = @(
        @{ Title = 'the table'; Code = 'Get-KubePortForward'; Remarks = 'Id, Target, Local, Remote and State of every forward of the session.' }
        @{ Title = 'what ended'; Code = 'Get-KubePortForward | Where-Object State -eq Ended | Format-List Id, Target, Error'; Remarks = 'Forwards that ended by themselves and why.' }
    )
    Links       = @('Start-KubePortForward', 'Stop-KubePortForward')
}
