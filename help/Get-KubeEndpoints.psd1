@{
    Synopsis    = 'Gets endpoints (kubectl get endpoints, or ep).'
    Description = @'
Get-KubeEndpoints gets endpoints like kubectl get endpoints. The default table has kubectl's columns (NAME ENDPOINTS AGE); -Wide adds the -o wide columns, like kubectl get -o wide. Every column is also a property of the returned objects, so Where-Object and Sort-Object work on what you see; the API fields (Metadata, Spec, ...) stay on the objects, and the API status object is ApiStatus where the STATUS column takes the Status name. ConvertTo-Json of an object writes its API JSON, whole at any -Depth (what kubectl get -o json --show-managed-fields prints); ConvertTo-Csv and Export-Csv write the table's properties.

Lists are read page by page and each object is written as soon as its page arrives. With -Watch the command keeps running and writes changes until you press Ctrl+C.
'@
    Parameters  = @{
        Name = 'Names of the objects to get. Wildcards filter the list; a name without wildcards that does not exist is reported as a non-terminating ObjectNotFound error.'
        Namespace = 'The namespace to look in. Default: the session''s namespace (Use-KubeContext -Namespace), then the context''s, then default.'
        Context = 'A kubeconfig context to use for this call only.'
        AllNamespaces = 'Look in every namespace (kubectl -A); the table gets a NAMESPACE column first.'
        Selector = 'A label selector, as a string ("app=web,tier!=db", "env in (prod,stage)") or a hashtable of labels that must all match (@{ app = ''web'' }).'
        FieldSelector = 'A field selector such as "status.phase=Running" or "metadata.name=web"; the fields each kind supports are the API server''s.'
        Watch = 'After listing, keep writing objects as they change, each with a WatchEvent property (ADDED, MODIFIED, DELETED), until Ctrl+C, like kubectl get -w.'
        Wide = 'Print kubectl''s -o wide columns (kubectl get -o wide). The objects are the same; only the printed table differs.'
        InputObject = 'Objects from the pipeline: strings are names; a Namespace narrows to that namespace; a Deployment, ReplicaSet, DaemonSet, StatefulSet, Job or Service gives its pods (by its selector); a Node gives the pods on it; any object piped to Get-KubeEvent gives its events.'
    }
    Inputs      = @('System.String', 'API objects (k8s.Models.*) for relationships')
    Outputs     = @('k8s.Models.V1Endpoints')
    Examples    = @(
        @{ Title = 'list them'; Code = 'Get-KubeEndpoints'; Remarks = 'The same table as kubectl get endpoints.' }
        @{ Title = 'one by name'; Code = 'Get-KubeEndpoints hello'; Remarks = 'The addresses the hello service sends traffic to.' }
    )
    Links       = @('Get-KubeResource', 'Show-KubeResource')
}
