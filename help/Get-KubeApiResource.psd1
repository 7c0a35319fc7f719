@{
    Synopsis    = 'Lists the resource types the cluster serves (kubectl api-resources).'
    Description = @'
Get-KubeApiResource reads the server's discovery (the preferred version of every API group, custom resources included) and returns one object per resource type: its plural NAME, SHORTNAMES, APIVERSION, whether it is NAMESPACED, and its KIND, sorted by API group and then name, as kubectl api-resources prints them. -Wide adds the verbs each type supports and its categories. The objects are the ones Get-KubeResource -Kind resolves names against.
'@
    Parameters  = @{
        Context    = 'A kubeconfig context to use for this call only.'
        Namespace  = 'Not used by this command; accepted like every cluster command.'
        ApiGroup   = 'Only the types of this API group: "" for the core group, apps, batch, networking.k8s.io, ... (kubectl --api-group).'
        Namespaced = 'Only namespaced types; -Namespaced:$false for cluster-scoped ones (kubectl --namespaced=false).'
        Verbs      = 'Only types that support all of these verbs (kubectl --verbs=list,get).'
        Categories = 'Only types in one of these categories (kubectl --categories), such as all.'
        SortBy     = 'Name or Kind instead of the API group.'
        Wide       = 'Add the VERBS and CATEGORIES columns (kubectl -o wide).'
        Refresh    = 'Ask the server again instead of the session''s discovery cache (a custom resource definition just created).'
    }
    Outputs     = @('PracticeK8s.Engine.Resources.ResourceKind')
    Examples    = @(
        @{ Title = 'every type'; Code = 'Get-KubeApiResource'; Remarks = 'NAME SHORTNAMES APIVERSION NAMESPACED KIND, like kubectl api-resources.' }
        @{ Title = 'cluster-scoped types of the core group'; Code = 'Get-KubeApiResource -ApiGroup "" -Namespaced:$false'; Remarks = 'kubectl api-resources --api-group= --namespaced=false: nodes, namespaces, persistentvolumes, ...' }
        @{ Title = 'what can be listed, with the verbs'; Code = 'Get-KubeApiResource -Verbs list -Wide'; Remarks = 'kubectl api-resources --verbs=list -o wide.' }
        @{ Title = 'every object of every listable namespaced type in a namespace'; Code = 'Get-KubeApiResource -Namespaced -Verbs list | ForEach-Object { Get-KubeResource $_.Plural -Namespace team -ErrorAction SilentlyContinue }'; Remarks = 'The types are objects: their Plural names go straight to Get-KubeResource.' }
    )
    Links       = @('Get-KubeApiVersion', 'Get-KubeResource')
}
