@{
    Synopsis    = 'Waits until a Deployment''s rollout is complete, like kubectl rollout status.'
    Description = @'
Wait-KubeDeployment does what kubectl rollout status deployment/NAME does: it follows the Deployment until the controller has seen its latest spec (observedGeneration) and every replica is updated and available with no old replica left, showing kubectl's messages ("Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...") as progress and verbose output, and then writes kubectl's line: deployment "web" successfully rolled out.

It fails with a KubeProgressDeadlineExceeded error when the Deployment reports ProgressDeadlineExceeded (it exceeded spec.progressDeadlineSeconds), and with KubeTimeout when -Timeout passes first. Ctrl+C stops it at once.
'@
    Parameters  = @{
        Name        = 'Names of the Deployments to wait for (one after another).'
        InputObject = 'Deployments from the pipeline (Get-KubeDeployment, Restart-KubeDeployment -PassThru), or names as strings. Other kinds are refused.'
        Timeout     = 'Fail with a KubeTimeout error after this many seconds. Default: wait until the rollout completes or fails.'
        PassThru    = 'Write the Deployment once it is rolled out instead of the result line.'
        Namespace   = 'The namespace of the Deployments (also bound from piped objects). Default: the session''s, then the context''s, then default.'
        Context     = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('k8s.Models.V1Deployment', 'System.String')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult', 'k8s.Models.V1Deployment with -PassThru')
    Examples    = @(
        @{ Title = 'after an apply'; Code = 'Publish-KubeResource ./deployment.yaml; Wait-KubeDeployment nginx-deployment -Timeout 120'; Remarks = 'Returns when all replicas run the new template.' }
        @{ Title = 'restart and wait'; Code = 'Restart-KubeDeployment web -PassThru | Wait-KubeDeployment'; Remarks = 'kubectl rollout restart followed by kubectl rollout status.' }
    )
    Links       = @('Restart-KubeDeployment', 'Undo-KubeDeployment', 'Get-KubeRolloutHistory')
}
