@{
    Synopsis    = 'Lists the contexts of your kubeconfig, like kubectl config get-contexts.'
    Description = @'
Get-KubeContext reads the kubeconfig in force (the files listed in $env:KUBECONFIG, merged with kubectl's rules, or ~/.kube/config) and returns one object per context. The default table is the same as kubectl config get-contexts: CURRENT (a star on the context in use), NAME, CLUSTER, AUTHINFO and NAMESPACE.

The context in use is the one chosen in this PowerShell session with Use-KubeContext, else the kubeconfig's current-context. Each object also carries the cluster's Server address and the SourceFile that defines the context.
'@
    Parameters  = @{
        Name    = 'Names of contexts to return. Wildcards are allowed; a name without wildcards that does not exist is reported as a KubeContextNotFound error.'
        Current = 'Returns only the context in use in this session, like kubectl config current-context.'
    }
    Inputs      = @('System.String')
    Outputs     = @('PracticeK8s.Engine.Config.KubeContextInfo')
    Examples    = @(
        @{ Title = 'list every context'; Code = 'Get-KubeContext'; Remarks = 'Prints the table kubectl config get-contexts prints.' }
        @{ Title = 'the context in use'; Code = '(Get-KubeContext -Current).Name'; Remarks = 'The name of the current context, like kubectl config current-context.' }
        @{ Title = 'contexts of one provider'; Code = "Get-KubeContext lke* | Select-Object Name, Server"; Remarks = 'Wildcards select contexts by name.' }
    )
    Links       = @('Use-KubeContext', 'Import-KubeConfig')
}
