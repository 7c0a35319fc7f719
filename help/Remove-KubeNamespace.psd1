@{
    Synopsis    = 'Deletes namespaces, like kubectl delete namespaces.'
    Description = @'
Remove-KubeNamespace deletes namespaces like kubectl delete namespace: by name (wildcards match against the current list), by label selector, or piped from Get-KubeNamespace. Each deletion prints kubectl's line (namespace "demo" deleted). Piped objects of another kind are refused with a KubeKindMismatch error, so piping the wrong objects cannot delete a namespace that happens to share their name. Deleting a namespace deletes every object in it; the namespace stays in phase Terminating until the server has removed them all (-Wait waits for that).

-GracePeriod, -Force and -Cascade work as kubectl's --grace-period, --force and --cascade. The command returns once the server has accepted the deletions; -Wait waits until the objects are really gone. Its ConfirmImpact is High: it asks before each deletion unless -Confirm:$false is given; -WhatIf sends nothing and lists what would go.
'@
    Parameters  = @{
        Name           = 'Names of the namespaces to delete; wildcards match against the current list.'
        Selector       = 'A label selector, as a string ("app=web,tier!=db") or a hashtable of labels that must all match.'
        InputObject    = 'Namespace objects from the pipeline (Get-KubeNamespace), or names as strings. Objects of another kind are refused.'
        GracePeriod    = 'Seconds to terminate; default: the object''s own. 0 means 1, as in kubectl; use -Force for an immediate delete.'
        Force          = 'Delete immediately (grace period 0), like kubectl delete --force. Cannot be combined with a -GracePeriod above 0.'
        Cascade        = 'Background (default), Foreground or Orphan: what happens to the objects this one owns.'
        Wait           = 'After deleting, wait until every deleted object is gone, with progress.'
        Timeout        = 'With -Wait, fail with a KubeTimeout error after this many seconds.'
        IgnoreNotFound = 'Treat namespaces that do not exist as already deleted (no error).'
        Namespace      = 'Ignored: namespaces are cluster-scoped.'
        Context        = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('k8s.Models.V1Namespace', 'System.String')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult')
    Examples    = @(
        @{ Title = 'by name'; Code = 'Remove-KubeNamespace demo -Confirm:$false'; Remarks = 'Prints namespace "demo" deleted.' }
        @{ Title = 'and wait until it is gone'; Code = 'Remove-KubeNamespace demo -Wait -Confirm:$false'; Remarks = 'Deletes the namespace and everything in it, and waits until the server has finished (the namespace leaves Terminating).' }
    )
    Links       = @('Remove-KubeResource', 'Get-KubeNamespace')
}
