@{
    Synopsis    = 'Restarts every pod of a Deployment with a rolling update, like kubectl rollout restart.'
    Description = @'
Restart-KubeDeployment does what kubectl rollout restart deployment/NAME does: it sets the pod template annotation kubectl.kubernetes.io/restartedAt to the current time (a strategic merge patch), which makes the controller roll out new pods and remove the old ones at the Deployment's usual pace. A paused Deployment is refused ("can't restart paused deployment"). It writes kubectl's line (deployment.apps/web restarted) and returns at once; pipe -PassThru into Wait-KubeDeployment to wait for the rollout.
'@
    Parameters  = @{
        Name        = 'Names of the Deployments to restart.'
        InputObject = 'Deployments from the pipeline (Get-KubeDeployment), or names as strings. Other kinds are refused.'
        DryRun      = 'Let the server check the change without storing it.'
        PassThru    = 'Write the updated Deployment instead of the result line.'
        Namespace   = 'The namespace of the Deployments (also bound from piped objects). Default: the session''s, then the context''s, then default.'
        Context     = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('k8s.Models.V1Deployment', 'System.String')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult', 'k8s.Models.V1Deployment with -PassThru')
    Examples    = @(
        @{ Title = 'restart one'; Code = 'Restart-KubeDeployment nginx-deployment'; Remarks = 'Prints deployment.apps/nginx-deployment restarted.' }
        @{ Title = 'restart those whose pods restart too often'; Code = 'Get-KubeDeployment | Where-Object { ($_ | Get-KubePod | Measure-Object Restarts -Sum).Sum -gt 5 } | Restart-KubeDeployment -PassThru | Wait-KubeDeployment'; Remarks = 'Restarts and waits for each rollout.' }
    )
    Links       = @('Wait-KubeDeployment', 'Undo-KubeDeployment')
}
