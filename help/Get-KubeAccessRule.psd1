@{
    Synopsis    = 'Lists what you may do in a namespace (kubectl auth can-i --list).'
    Description = @'
Get-KubeAccessRule sends a SelfSubjectRulesReview for the context's user in the current namespace (or -Namespace) and returns one row per resource (resource.group, "*.*" for everything) or non-resource URL with the verbs allowed, in kubectl's columns and order.
'@
    Parameters  = @{
        Context   = 'A kubeconfig context to use for this call only (the read-only context answers for the read-only user).'
        Namespace = 'The namespace whose rules to list (default: the contexts or the sessions namespace).'
    }
    Outputs     = @('PracticeK8s.Engine.Auth.AccessRule')
    Examples    = @(
        @{ Title = 'the rules here'; Code = 'Get-KubeAccessRule'; Remarks = 'Resources, Non-Resource URLs, Resource Names and Verbs, like kubectl auth can-i --list.' }
        @{ Title = 'only the resources a user may change'; Code = 'Get-KubeAccessRule -Namespace kube-system | Where-Object { $_.Resources -and ($_.Verbs -contains ''update'' -or $_.Verbs -contains ''*'') }'; Remarks = 'The rows are objects: filter them on their verbs.' }
    )
    Links       = @('Test-KubeAccess', 'Get-KubeIdentity')
}
