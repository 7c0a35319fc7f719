@{
    Synopsis    = 'Switches the context (and optionally the namespace) for this PowerShell session, like kubectl config use-context.'
    Description = @'
Use-KubeContext makes every later PracticeK8s command in this PowerShell session talk to the given context. By default only this session changes: the kubeconfig file is left as it is, so scripts never switch the context of your other shells.

With -Scope CurrentUser it also records current-context in the kubeconfig file, as kubectl config use-context does (the file that already sets current-context, else the first file of $env:KUBECONFIG). With -Namespace the session's default namespace changes too; with -Scope CurrentUser the namespace is also written to the context entry. Every other entry and field of the file is kept, in order, and the file's permissions are not changed.
'@
    Parameters  = @{
        Name      = 'The context to use. Tab completion lists the contexts of the kubeconfig.'
        Namespace = 'The default namespace for later commands of this session.'
        Scope     = 'Process (default) switches this session only. CurrentUser also writes current-context (and -Namespace) to the kubeconfig file.'
        PassThru  = 'Returns the context now in use.'
    }
    Inputs      = @('System.String', 'PracticeK8s.Engine.Config.KubeContextInfo')
    Outputs     = @('None', 'PracticeK8s.Engine.Config.KubeContextInfo')
    Examples    = @(
        @{ Title = 'switch this session'; Code = 'Use-KubeContext lke48122-ctx'; Remarks = 'Later commands in this session use lke48122-ctx; other shells are not affected.' }
        @{ Title = 'switch and set a namespace'; Code = 'Use-KubeContext lke48122-ctx -Namespace kube-system'; Remarks = 'Commands without -Namespace now work in kube-system.' }
        @{ Title = 'switch for good, like kubectl'; Code = 'Use-KubeContext staging -Scope CurrentUser'; Remarks = 'Also writes current-context: staging to the kubeconfig, so kubectl and new shells use it.' }
    )
    Links       = @('Get-KubeContext', 'Import-KubeConfig')
}
