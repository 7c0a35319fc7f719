@{
    Synopsis    = 'Sets the number of replicas of a Deployment, ReplicaSet or StatefulSet, like kubectl scale.'
    Description = @'
Set-KubeDeploymentScale does what kubectl scale does, through the scale subresource: a merge patch of spec.replicas. With -CurrentReplicas (or -ResourceVersion) it first reads the Scale, refuses with "Expected replicas to be X, was Y" when the object is not as expected, and writes it back with its resourceVersion, so a concurrent change makes it fail instead of being overwritten. Conflicts are retried every second for up to five minutes, as kubectl does.

Deployments are scaled by default; -Kind ReplicaSet or StatefulSet scales those by name, and piped ReplicaSets and StatefulSets are scaled as what they are. Other kinds are refused.

The output is kubectl's line ("deployment.apps/nginx-deployment scaled"); -PassThru writes the scaled object instead. -Wait waits until the controller reports the new number of ready replicas (with progress, up to -Timeout seconds), so the next command sees them running.
'@
    Parameters  = @{
        Name            = 'Names of the objects to scale.'
        InputObject     = 'Deployments, ReplicaSets or StatefulSets from the pipeline, or names as strings.'
        Replicas        = 'The number of replicas wanted (0 or more).'
        Kind            = 'The kind scaled by name: Deployment (default), ReplicaSet or StatefulSet.'
        CurrentReplicas = 'Scale only if the current number of replicas is this (kubectl --current-replicas); -1 means no condition.'
        ResourceVersion = 'Scale only if the object''s resourceVersion is this (kubectl --resource-version); one object only.'
        Wait            = 'Wait until the controller reports the new number of ready replicas.'
        Timeout         = 'With -Wait, fail with a KubeTimeout error after this many seconds (default 300).'
        DryRun          = 'Let the server check the change without storing it ("scaled (server dry run)").'
        PassThru        = 'Write the scaled object (after -Wait, as it is then) instead of the result line.'
        Namespace       = 'The namespace of the objects (also bound from piped objects). Default: the session''s, then the context''s, then default.'
        Context         = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('k8s.Models.V1Deployment', 'k8s.Models.V1ReplicaSet', 'k8s.Models.V1StatefulSet', 'System.String')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult', 'k8s.Models.V1Deployment with -PassThru')
    Examples    = @(
        @{ Title = 'scale and wait'; Code = 'Set-KubeDeploymentScale nginx-deployment -Replicas 4 -Wait'; Remarks = 'kubectl scale deployment nginx-deployment --replicas=4, then waits until 4 replicas are ready.' }
        @{ Title = 'only from a known state'; Code = 'Set-KubeDeploymentScale web -Replicas 5 -CurrentReplicas 3'; Remarks = 'Fails with "Expected replicas to be 3, was 4" if someone else scaled it meanwhile.' }
        @{ Title = 'every StatefulSet of a namespace to zero'; Code = 'Get-KubeStatefulSet -Namespace batch | Set-KubeDeploymentScale -Replicas 0'; Remarks = 'Piped objects are scaled as their own kind.' }
    )
    Links       = @('Get-KubeDeployment', 'Wait-KubeDeployment')
}
