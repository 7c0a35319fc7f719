@{
    Synopsis    = 'Shows where the control plane and the cluster''s add-ons run (kubectl cluster-info).'
    Description = @'
Get-KubeClusterInfo returns the API server's address ("Kubernetes control plane") and, for every Service in kube-system labelled kubernetes.io/cluster-service=true (the cluster DNS, for one), its name and address: its load balancer's http://ip:port, or else the API server's proxy URL for the Service, as kubectl cluster-info prints them.
'@
    Parameters  = @{
        Context   = 'A kubeconfig context to use for this call only.'
        Namespace = 'Not used by this command: add-ons live in kube-system.'
    }
    Outputs     = @('PracticeK8s.Engine.ClusterInfo.ClusterEndpoint')
    Examples    = @(
        @{ Title = 'where things run'; Code = 'Get-KubeClusterInfo'; Remarks = '"Kubernetes control plane is running at https://...", then one line per add-on, like kubectl cluster-info.' }
        @{ Title = 'the API server''s address only'; Code = '(Get-KubeClusterInfo | Where-Object Name -eq ''Kubernetes control plane'').Url'; Remarks = 'The lines are objects with Name and Url.' }
    )
    Links       = @('Get-KubeVersion', 'Get-KubeApiResource')
}
