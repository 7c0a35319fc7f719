@{
    Synopsis    = 'Deletes services, like kubectl delete services.'
    Description = @'
Remove-KubeService deletes services like kubectl delete service: by name (wildcards match against the current list), by label selector, or piped from Get-KubeService. Each deletion prints kubectl's line (service "hello" deleted). Piped objects of another kind are refused with a KubeKindMismatch error, so piping the wrong objects cannot delete a service that happens to share their name.

-GracePeriod, -Force and -Cascade work as kubectl's --grace-period, --force and --cascade. The command returns once the server has accepted the deletions; -Wait waits until the objects are really gone. Each object is confirmed with ShouldProcess (-WhatIf sends nothing and lists what would go); a -Selector or wildcard that matches more than one object asks once, listing them, unless -Confirm:$false is given.
'@
    Parameters  = @{
        Name           = 'Names of the services to delete; wildcards match against the current list.'
        Selector       = 'A label selector, as a string ("app=web,tier!=db") or a hashtable of labels that must all match.'
        InputObject    = 'Service objects from the pipeline (Get-KubeService), or names as strings. Objects of another kind are refused.'
        GracePeriod    = 'Seconds to terminate; default: the object''s own. 0 means 1, as in kubectl; use -Force for an immediate delete.'
        Force          = 'Delete immediately (grace period 0), like kubectl delete --force. Cannot be combined with a -GracePeriod above 0.'
        Cascade        = 'Background (default), Foreground or Orphan: what happens to the objects this one owns.'
        Wait           = 'After deleting, wait until every deleted object is gone, with progress.'
        Timeout        = 'With -Wait, fail with a KubeTimeout error after this many seconds.'
        IgnoreNotFound = 'Treat services that do not exist as already deleted (no error).'
        Namespace      = 'The namespace to delete in (also bound from piped objects). Default: the session''s, then the context''s, then default.'
        Context        = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('k8s.Models.V1Service', 'System.String')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult')
    Examples    = @(
        @{ Title = 'by name'; Code = 'Remove-KubeService hello'; Remarks = 'Prints service "hello" deleted.' }
        @{ Title = 'by label'; Code = 'Remove-KubeService -Selector app=hello'; Remarks = 'Deletes the services labelled app=hello (one confirmation when there are several).' }
    )
    Links       = @('Remove-KubeResource', 'Get-KubeService')
}
