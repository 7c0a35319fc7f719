@{
    Synopsis    = 'Shows who the cluster thinks you are (kubectl auth whoami).'
    Description = @'
Get-KubeIdentity sends a SelfSubjectReview with the context's credentials and returns the user the server sees: Username, Uid, Groups and Extra.
'@
    Parameters  = @{
        Context   = 'A kubeconfig context to use for this call only (the read-only context answers for the read-only user).'
        Namespace = 'Not used by this command; accepted like every cluster command.'
    }
    Outputs     = @('PracticeK8s.Engine.Auth.KubeIdentity')
    Examples    = @(
        @{ Title = 'who am I?'; Code = 'Get-KubeIdentity'; Remarks = 'kubectl auth whoami.' }
        @{ Title = 'the read-only context''s user'; Code = '(Get-KubeIdentity -Context practicek8s-readonly).Groups'; Remarks = 'The groups of the sandbox''s read-only user.' }
    )
    Links       = @('Test-KubeAccess', 'Get-KubeAccessRule')
}
