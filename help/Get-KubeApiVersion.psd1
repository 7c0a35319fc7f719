@{
    Synopsis    = 'Lists the API versions the cluster serves (kubectl api-versions).'
    Description = @'
Get-KubeApiVersion returns every group/version the server serves, as strings in kubectl's order: v1, apps/v1, batch/v1, ... (all versions of each group, not only the preferred ones).
'@
    Parameters  = @{
        Context   = 'A kubeconfig context to use for this call only.'
        Namespace = 'Not used by this command; accepted like every cluster command.'
    }
    Outputs     = @('System.String')
    Examples    = @(
        @{ Title = 'all of them'; Code = 'Get-KubeApiVersion'; Remarks = 'One line per group/version, like kubectl api-versions.' }
        @{ Title = 'is the Gateway API installed?'; Code = '(Get-KubeApiVersion) -contains ''gateway.networking.k8s.io/v1'''; Remarks = '$true when the cluster serves it.' }
    )
    Links       = @('Get-KubeApiResource')
}
