@{
    Synopsis    = 'Deletes persistentvolumeclaims, like kubectl delete persistentvolumeclaims.'
    Description = @'
Remove-KubePersistentVolumeClaim deletes persistentvolumeclaims like kubectl delete persistentvolumeclaim: by name (wildcards match against the current list), by label selector, or piped from Get-KubePersistentVolumeClaim. Each deletion prints kubectl's line (persistentvolumeclaim "csi-pvc-my-csi-app-set-0" deleted). Piped objects of another kind are refused with a KubeKindMismatch error, so piping the wrong objects cannot delete a persistentvolumeclaim that happens to share their name. Deleting a claim may delete its volume and the data on it (reclaim policy Delete).

-GracePeriod, -Force and -Cascade work as kubectl's --grace-period, --force and --cascade. The command returns once the server has accepted the deletions; -Wait waits until the objects are really gone. Its ConfirmImpact is High: it asks before each deletion unless -Confirm:$false is given; -WhatIf sends nothing and lists what would go.
'@
    Parameters  = @{
        Name           = 'Names of the persistentvolumeclaims to delete; wildcards match against the current list.'
        Selector       = 'A label selector, as a string ("app=web,tier!=db") or a hashtable of labels that must all match.'
        InputObject    = 'PersistentVolumeClaim objects from the pipeline (Get-KubePersistentVolumeClaim), or names as strings. Objects of another kind are refused.'
        GracePeriod    = 'Seconds to terminate; default: the object''s own. 0 means 1, as in kubectl; use -Force for an immediate delete.'
        Force          = 'Delete immediately (grace period 0), like kubectl delete --force. Cannot be combined with a -GracePeriod above 0.'
        Cascade        = 'Background (default), Foreground or Orphan: what happens to the objects this one owns.'
        Wait           = 'After deleting, wait until every deleted object is gone, with progress.'
        Timeout        = 'With -Wait, fail with a KubeTimeout error after this many seconds.'
        IgnoreNotFound = 'Treat persistentvolumeclaims that do not exist as already deleted (no error).'
        Namespace      = 'The namespace to delete in (also bound from piped objects). Default: the session''s, then the context''s, then default.'
        Context        = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('k8s.Models.V1PersistentVolumeClaim', 'System.String')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult')
    Examples    = @(
        @{ Title = 'by name'; Code = 'Remove-KubePersistentVolumeClaim csi-pvc-my-csi-app-set-0 -Confirm:$false'; Remarks = 'Prints persistentvolumeclaim "csi-pvc-my-csi-app-set-0" deleted.' }
        @{ Title = 'from the pipeline'; Code = 'Get-KubePersistentVolumeClaim | Where-Object Status -eq ''Pending'' | Remove-KubePersistentVolumeClaim -Confirm:$false'; Remarks = 'Deletes claims that never bound, without asking for each.' }
    )
    Links       = @('Remove-KubeResource', 'Get-KubePersistentVolumeClaim')
}
