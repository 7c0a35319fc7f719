@{
    Synopsis    = 'Tells whether objects of any checkable kind are ready (deployments, stateful sets, daemon sets, replica sets, pods, nodes, jobs, claims).'
    Description = @'
Test-KubeResource answers the question a cluster check asks: is it ready? A Deployment is ready when its rollout is complete and every replica is available (the rule of kubectl rollout status); a StatefulSet, DaemonSet or ReplicaSet when all its pods are ready; a Pod when it runs with every container ready (or has succeeded), is not terminating and restarted no more than -MaxRestartCount times; a Node when its Ready condition is True; a Job when it has its completions; a PersistentVolumeClaim when it is Bound.

It returns one $true or $false for everything it checked ($true only when every object is healthy; $false when there was nothing to check) — objects piped in are checked as they are, named objects are read from the cluster — or, with -Detailed, an object per check with Kind, Namespace, Name, Healthy and the Reason it is not healthy. Inside Pester, $obj | Should -BeKubeReady uses the same rules.
'@
    Parameters  = @{
        Kind            = 'The kind of the objects named (deployment, sts, ds, rs, pod, node, job, pvc); not needed for piped objects.'
        Name            = 'Objects to check; wildcards allowed; none means every object of the kind in the namespace.'
        InputObject     = 'Objects from a Get cmdlet, checked as they are.'
        Detailed        = 'Return Kind, Namespace, Name, Healthy and Reason instead of $true/$false.'
        MaxRestartCount = 'Pods that restarted more often than this are not healthy.'
        Context         = 'A kubeconfig context to use for this call only.'
        Namespace       = 'The namespace of the objects named.'
    }
    Inputs      = @('API objects (k8s.Models.*)')
    Outputs     = @('System.Boolean', 'PracticeK8s.Engine.Health.HealthResult')
    Examples    = @(
        @{ Title = 'everything in a namespace'; Code = 'Get-KubeResource deploy,sts,ds -Namespace shop | Test-KubeResource -Detailed | Where-Object -Not Healthy'; Remarks = 'What is not ready, and why.' }
        @{ Title = 'a Pester cluster check'; Code = "It 'runs every deployment' { Get-KubeDeployment -AllNamespaces | Should -BeKubeReady }"; Remarks = 'Fails naming each deployment that is not ready and why.' }
    )
    Links       = @('Test-KubeDeploymentReady', 'Test-KubeNodeReady', 'Test-KubePodHealthy')
}
