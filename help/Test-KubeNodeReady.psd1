@{
    Synopsis    = 'Tells whether nodes are ready: $true or $false per object.'
    Description = 'A Node is ready when its Ready condition is True. Test-KubeNodeReady checks the named nodes (all of the namespace when no name is given) or the objects piped in as they are, and returns one $true or $false for all of them ($true only when every one is; $false when there was nothing to check); with -Detailed it returns an object per check: Kind, Namespace, Name, Healthy and the Reason. Use it in scripts (if (-not (...)) { ... }) and cluster checks; Test-KubeResource does the same for every checkable kind.'
    Parameters  = @{
        Name        = 'The nodes to check; wildcards allowed; none means all of the namespace.'
        InputObject = 'Objects from Get-KubeNode, checked as they are.'
        Detailed    = 'Return Kind, Namespace, Name, Healthy and Reason instead of $true/$false.'
        Context     = 'A kubeconfig context to use for this call only.'
        Namespace   = 'The namespace to look in.'

    }
    Inputs      = @('k8s.Models.V1Node')
    Outputs     = @('System.Boolean', 'PracticeK8s.Engine.Health.HealthResult')
    Examples    = @(
        @{ Title = 'one object'; Code = 'if (-not (Test-KubeNodeReady worker-1)) { Write-Warning "worker-1 is not ready" }'; Remarks = 'A plain $true/$false for scripts.' }
        @{ Title = 'why not'; Code = 'Test-KubeNodeReady -Detailed | Where-Object -Not Healthy'; Remarks = 'The reason for each object that is not ready.' }
    )
    Links       = @('Test-KubeResource')
}
