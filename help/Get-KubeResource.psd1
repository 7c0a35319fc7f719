@{
    Synopsis    = 'Gets objects of any kind the server serves, like kubectl get <kind>.'
    Description = @'
Get-KubeResource resolves -Kind through the server's discovery, as kubectl does, so it works for every built-in kind and for custom resources. -Kind all lists the kinds of the 'all' category (pods, services, deployments, replica sets, stateful sets, daemon sets, jobs, cron jobs...) and prints one table per kind with kind-prefixed names, like kubectl get all.

Objects of built-in kinds come back as the typed API objects the kind-specific Get cmdlets return; custom resources come back as PSCustomObjects (type name PracticeK8s.KubeObject) whose table shows NAME and AGE; their Name, Namespace and Age properties are hidden (Get-Member -Force lists them) so that ConvertTo-Json -Depth 20 writes exactly the API JSON.
'@
    Parameters  = @{
        Name = 'Names of the objects to get. Wildcards filter the list; a name without wildcards that does not exist is reported as a non-terminating ObjectNotFound error.'
        Namespace = 'The namespace to look in. Default: the session''s namespace (Use-KubeContext -Namespace), then the context''s, then default.'
        Context = 'A kubeconfig context to use for this call only.'
        AllNamespaces = 'Look in every namespace (kubectl -A); the table gets a NAMESPACE column first.'
        Selector = 'A label selector, as a string ("app=web,tier!=db", "env in (prod,stage)") or a hashtable of labels that must all match (@{ app = ''web'' }).'
        FieldSelector = 'A field selector such as "status.phase=Running" or "metadata.name=web"; the fields each kind supports are the API server''s.'
        Watch = 'After listing, keep writing objects as they change, each with a WatchEvent property (ADDED, MODIFIED, DELETED), until Ctrl+C, like kubectl get -w.'
        InputObject = 'Objects from the pipeline: strings are names; a Namespace narrows to that namespace; a Deployment, ReplicaSet, DaemonSet, StatefulSet, Job or Service gives its pods (by its selector); a Node gives the pods on it; any object piped to Get-KubeEvent gives its events.'
        Wide = 'Print kubectl''s -o wide columns, in each kind''s table with several kinds (kubectl get all -o wide). The objects are the same; only the printed table differs.'
        Kind = 'What to get: a kind (Pod), plural (pods), short name (po), group-qualified name (deployments.apps) or category (all, like kubectl get all). Several may be given. Tab completion lists what the server serves, custom resources included.'
    }
    Inputs      = @('System.String')
    Outputs     = @('k8s.Models.* for built-in kinds', 'PracticeK8s.KubeObject')
    Examples    = @(
        @{ Title = 'everything of a namespace, like kubectl get all -o wide'; Code = 'Get-KubeResource all | Format-Table -View Wide'; Remarks = 'One table per kind, names prefixed with their kind.' }
        @{ Title = 'a custom resource'; Code = 'Get-KubeResource -Kind crontabs.stable.example.com -AllNamespaces'; Remarks = 'Kinds are found through discovery, so custom resources work too.' }
        @{ Title = 'short names'; Code = 'Get-KubeResource deploy,svc -Namespace web'; Remarks = 'Several kinds at once, as kubectl get deploy,svc.' }
    )
    Links       = @('Get-KubePod', 'Show-KubeResource')
}
