@{
    Synopsis    = 'Deletes persistentvolumes, like kubectl delete persistentvolumes.'
    Description = @'
Remove-KubePersistentVolume deletes persistentvolumes like kubectl delete persistentvolume: by name (wildcards match against the current list), by label selector, or piped from Get-KubePersistentVolume. Each deletion prints kubectl's line (persistentvolume "pvc-5126d452623e4c2d" deleted). Piped objects of another kind are refused with a KubeKindMismatch error, so piping the wrong objects cannot delete a persistentvolume that happens to share their name.

-GracePeriod, -Force and -Cascade work as kubectl's --grace-period, --force and --cascade. The command returns once the server has accepted the deletions; -Wait waits until the objects are really gone. Its ConfirmImpact is High: it asks before each deletion unless -Confirm:$false is given; -WhatIf sends nothing and lists what would go.
'@
    Parameters  = @{
        Name           = 'Names of the persistentvolumes to delete; wildcards match against the current list.'
        Selector       = 'A label selector, as a string ("app=web,tier!=db") or a hashtable of labels that must all match.'
        InputObject    = 'PersistentVolume objects from the pipeline (Get-KubePersistentVolume), or names as strings. Objects of another kind are refused.'
        GracePeriod    = 'Seconds to terminate; default: the object''s own. 0 means 1, as in kubectl; use -Force for an immediate delete.'
        Force          = 'Delete immediately (grace period 0), like kubectl delete --force. Cannot be combined with a -GracePeriod above 0.'
        Cascade        = 'Background (default), Foreground or Orphan: what happens to the objects this one owns.'
        Wait           = 'After deleting, wait until every deleted object is gone, with progress.'
        Timeout        = 'With -Wait, fail with a KubeTimeout error after this many seconds.'
        IgnoreNotFound = 'Treat persistentvolumes that do not exist as already deleted (no error).'
        Namespace      = 'Ignored: persistent volumes are cluster-scoped.'
        Context        = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('k8s.Models.V1PersistentVolume', 'System.String')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult')
    Examples    = @(
        @{ Title = 'by name'; Code = 'Remove-KubePersistentVolume pvc-5126d452623e4c2d -Confirm:$false'; Remarks = 'Prints persistentvolume "pvc-5126d452623e4c2d" deleted.' }
        @{ Title = 'from the pipeline'; Code = 'Get-KubePersistentVolume | Where-Object Status -eq ''Released'' | Remove-KubePersistentVolume'; Remarks = 'Deletes released volumes, asking for each (ConfirmImpact High).' }
    )
    Links       = @('Remove-KubeResource', 'Get-KubePersistentVolume')
}
