@{
    Synopsis    = 'Lists the revisions of a Deployment, like kubectl rollout history.'
    Description = @'
Get-KubeRolloutHistory does what kubectl rollout history deployment/NAME does: every ReplicaSet the Deployment controls is a revision, numbered by its deployment.kubernetes.io/revision annotation. One object is written per revision, oldest first, with Revision, ChangeCause (the kubernetes.io/change-cause annotation; the table shows <none> when it is empty), ReplicaSet, Current (the revision now running) and Template (the pod template of that revision, as kubectl rollout history --revision shows it).
'@
    Parameters  = @{
        Name        = 'Names of the Deployments.'
        InputObject = 'Deployments from the pipeline (Get-KubeDeployment), or names as strings. Other kinds are refused.'
        Revision    = 'Only this revision (an ObjectNotFound error when it does not exist).'
        Namespace   = 'The namespace of the Deployments (also bound from piped objects). Default: the session''s, then the context''s, then default.'
        Context     = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('k8s.Models.V1Deployment', 'System.String')
    Outputs     = @('PracticeK8s.Engine.Rollout.RolloutRevision')
    Examples    = @(
        @{ Title = 'list revisions'; Code = 'Get-KubeRolloutHistory nginx-deployment'; Remarks = 'REVISION and CHANGE-CAUSE, as kubectl prints them.' }
        @{ Title = 'the image of each revision'; Code = 'Get-KubeRolloutHistory web | Select-Object Revision, @{ n = ''Image''; e = { $_.Template.Spec.Containers[0].Image } }'; Remarks = 'The pod template of every revision is on the objects.' }
    )
    Links       = @('Undo-KubeDeployment', 'Wait-KubeDeployment')
}
