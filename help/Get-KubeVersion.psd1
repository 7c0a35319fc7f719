@{
    Synopsis    = "Shows the module's version and the cluster's Kubernetes version, like kubectl version."
    Description = 'Get-KubeVersion asks the API server for /version and returns the module version, the server version and the context and address it used. A server that does not answer fails within a few seconds with an error naming its address.'
    Parameters  = @{
        Context   = 'A kubeconfig context to use for this call only.'
        Namespace = 'Not used by this command; accepted like every cluster command.'
    }
    Outputs     = @('PracticeK8s.Cmdlets.Cluster.KubeVersion')
    Examples    = @(
        @{ Title = 'versions'; Code = 'Get-KubeVersion'; Remarks = 'Client Version, Server Version, Context and Server.' }
        @{ Title = 'check another cluster'; Code = 'Get-KubeVersion -Context staging'; Remarks = 'Uses the staging context for this call only.' }
    )
}
