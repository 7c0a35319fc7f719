@{
    Synopsis    = 'Deletes objects of any kind by name, label selector, manifest file or pipeline, like kubectl delete.'
    Description = @'
Remove-KubeResource does what kubectl delete does: one DELETE per object (never a collection delete), each answered with kubectl's line ("deployment.apps "web" deleted"). Objects are named by -Kind and -Name (wildcards match against the current list), by -Kind and -Selector (label selector, optionally -FieldSelector), by manifest files (-Path, as Publish-KubeResource reads them), or piped from any Get cmdlet, Get-KubeResource or ConvertFrom-KubeYaml.

-Cascade decides what happens to dependents (Background by default: the garbage collector removes them; Foreground: they go first; Orphan: they stay). -GracePeriod sets the seconds a pod gets to stop (0 is turned into 1, as kubectl does); -Force deletes at once with grace period 0 (kubectl --force) and warns that the workload may keep running.

Unlike kubectl, the command does not wait by default: it returns when the server has accepted the deletions. -Wait waits, after all deletes, until every deleted object is really gone (finalizers done, pods terminated; an object replaced by a new one of the same name counts as gone), with progress and an optional -Timeout.

Each object is confirmed with ShouldProcess (-WhatIf sends nothing and lists what would go). Namespaces, nodes, persistent volumes and claims and CRDs, and a selector or wildcard that matches more than one object, are confirmed once more (a single question listing the objects) unless -Confirm:$false is given. A missing object is a non-terminating ObjectNotFound error unless -IgnoreNotFound.
'@
    Parameters  = @{
        Kind           = 'The kind: kind, plural or short name, optionally group-qualified (pods, deploy, deployments.apps, crontabs.stable.example.com).'
        Name           = 'Names of the objects; wildcards match against the current list (several matches are confirmed once).'
        Selector       = 'A label selector, as a string ("app=web,tier!=db") or a hashtable of labels that must all match.'
        FieldSelector  = 'A field selector that narrows a -Selector delete, such as "status.phase=Failed".'
        Path           = 'Manifest files or directories whose objects are deleted; wildcards allowed; "-" reads standard input.'
        Recurse        = 'With directories (given to -Path or piped), also read subdirectories.'
        InputObject    = 'Objects from the pipeline: anything with apiVersion, kind and metadata (Get cmdlets, Get-KubeResource, ConvertFrom-KubeYaml, ConvertFrom-Json); files from Get-ChildItem are read as manifests and their objects deleted.'
        GracePeriod    = 'Seconds the object gets to terminate; default: its own (a pod''s terminationGracePeriodSeconds). 0 means 1, as in kubectl; use -Force for an immediate delete.'
        Force          = 'Delete immediately (grace period 0) without waiting for the kubelet to confirm the pod stopped, like kubectl delete --force. Cannot be combined with a -GracePeriod above 0.'
        Cascade        = 'Background (default), Foreground or Orphan: how dependents (ReplicaSets of a Deployment, pods of a ReplicaSet) are handled.'
        Wait           = 'After deleting, wait until every deleted object is gone, with progress.'
        Timeout        = 'With -Wait, fail with a KubeTimeout error after this many seconds.'
        IgnoreNotFound = 'Treat objects that do not exist as already deleted (no error).'
        Namespace      = 'The namespace to delete in. Default: the session''s, then the context''s, then default.'
        Context        = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('API objects (k8s.Models.*, PracticeK8s.KubeObject)', 'System.IO.FileInfo (read as manifests)')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult')
    Examples    = @(
        @{ Title = 'by kind and name'; Code = 'Remove-KubeResource deployment nginx-deployment'; Remarks = 'Prints deployment.apps "nginx-deployment" deleted.' }
        @{ Title = 'what a manifest created'; Code = 'Remove-KubeResource -Path ./deployment.yaml -Wait'; Remarks = 'kubectl delete -f, waiting until the objects are gone.' }
        @{ Title = 'by label'; Code = 'Remove-KubeResource pods -Selector @{ app = ''nginx'' } -Confirm:$false'; Remarks = 'Deletes every pod labelled app=nginx without the confirmation for several objects.' }
        @{ Title = 'from the pipeline'; Code = 'Get-KubeResource crontabs | Where-Object { $_.spec.cronSpec -eq ''* * * * *'' } | Remove-KubeResource'; Remarks = 'Any kind works, custom resources included.' }
    )
    Links       = @('Remove-KubePod', 'Publish-KubeResource', 'Get-KubeResource')
}
