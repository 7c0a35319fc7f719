@{
    Synopsis    = 'Rolls a Deployment back to an earlier revision, like kubectl rollout undo.'
    Description = @'
Undo-KubeDeployment does what kubectl rollout undo deployment/NAME does: it copies the pod template of the previous revision (or of -ToRevision) from its ReplicaSet back into the Deployment (without the pod-template-hash label), together with that revision's annotations, so the controller rolls out those pods again. When the Deployment already runs that template it writes "skipped rollback (current template already matches revision N)" and changes nothing. A paused Deployment, a Deployment without history and a revision that does not exist are errors. Get-KubeRolloutHistory lists the revisions.
'@
    Parameters  = @{
        Name        = 'Names of the Deployments to roll back.'
        InputObject = 'Deployments from the pipeline (Get-KubeDeployment), or names as strings. Other kinds are refused.'
        ToRevision  = 'The revision to go back to. Default (0): the revision before the current one.'
        DryRun      = 'Let the server check the change without storing it.'
        PassThru    = 'Write the updated Deployment instead of the result line.'
        Namespace   = 'The namespace of the Deployments (also bound from piped objects). Default: the session''s, then the context''s, then default.'
        Context     = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('k8s.Models.V1Deployment', 'System.String')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult', 'k8s.Models.V1Deployment with -PassThru')
    Examples    = @(
        @{ Title = 'undo the last change'; Code = 'Undo-KubeDeployment nginx-deployment'; Remarks = 'Prints deployment.apps/nginx-deployment rolled back.' }
        @{ Title = 'to a given revision, then wait'; Code = 'Undo-KubeDeployment web -ToRevision 2 -PassThru | Wait-KubeDeployment'; Remarks = 'Rolls back to revision 2 and waits for the rollout.' }
    )
    Links       = @('Get-KubeRolloutHistory', 'Wait-KubeDeployment', 'Restart-KubeDeployment')
}
