@{
    Synopsis    = 'Asks the cluster whether you may do something (kubectl auth can-i).'
    Description = @'
Test-KubeAccess sends a SelfSubjectAccessReview for the context's user, as kubectl auth can-i does, and returns $true or $false. The resource is a type as kubectl takes it (pods, deploy, deployments.apps, * for every resource), TYPE/NAME, or a non-resource URL starting with "/" (/healthz, /logs). The question is asked in the current namespace unless -Namespace or -AllNamespaces says otherwise. An unknown type or verb is asked as typed, with kubectl's warning.

With -Detailed the answer comes back as an object: the question (Verb, Resource, Namespace), Allowed, and the server's Reason.
'@
    Parameters  = @{
        Context       = 'A kubeconfig context to use for this call only (the read-only context answers for the read-only user).'
        Namespace     = 'The namespace to ask about (default: the contexts or the sessions namespace).'
        Verb          = 'The verb: get, list, watch, create, update, patch, delete, deletecollection, * (any), or another a webhook understands.'
        Resource      = 'A resource type (pods, po, deployments.apps, *), TYPE/NAME, or a non-resource URL starting with "/".'
        Name          = 'The name of one object to ask about (the same as TYPE/NAME).'
        Subresource   = 'A subresource: log, exec, scale, status, ...'
        AllNamespaces = 'Ask about every namespace (kubectl -A).'
        Detailed      = 'Return an object with the question, Allowed and the Reason instead of $true/$false.'
    }
    Outputs     = @('System.Boolean', 'PracticeK8s.Engine.Auth.AccessAnswer (with -Detailed)')
    Examples    = @(
        @{ Title = 'may I create pods here?'; Code = 'Test-KubeAccess create pods'; Remarks = '$true or $false, as kubectl auth can-i create pods prints yes or no.' }
        @{ Title = 'a subresource in another namespace'; Code = 'Test-KubeAccess get pods -Subresource log -Namespace kube-system'; Remarks = 'kubectl auth can-i get pods --subresource=log -n kube-system.' }
        @{ Title = 'guard a script'; Code = 'if (-not (Test-KubeAccess delete deployments.apps -AllNamespaces)) { throw "this script needs delete on deployments" }'; Remarks = 'Fails early instead of half-way through.' }
        @{ Title = 'the answer with the reason'; Code = 'Test-KubeAccess create pods -Context practicek8s-readonly -Detailed'; Remarks = 'Verb, Resource, Namespace, Allowed and the server''s Reason.' }
    )
    Links       = @('Get-KubeAccessRule', 'Get-KubeIdentity')
}
