@{
    Synopsis    = 'Edits an object in your editor and applies the change, like kubectl edit.'
    Description = @'
Edit-KubeResource reads the object's latest state, writes it as YAML (without managedFields) under a comment header to a temporary file (readable only by you), and opens it in the editor named by $env:KUBE_EDITOR, else $env:EDITOR, else vi (notepad on Windows). A value without spaces is the program; with spaces it is split into program and arguments; a value with quotes or backslashes runs through $env:SHELL -c (cmd /C on Windows). The editor must wait until the file is closed (for example "code --wait").

When the editor exits: an unchanged file prints "Edit cancelled, no changes made."; an empty one "Edit cancelled, saved file was empty.". Otherwise the difference is sent as a two-way patch (strategic merge for built-in kinds, JSON merge patch for custom resources; field manager kubectl-edit) and kubectl's line is written ("deployment.apps/web edited"). A YAML error or a change the server refuses reopens the editor with the reasons at the top of the file; saving it again without a change stops with an error. If the object was deleted or changed by someone else meanwhile, or the namespace, name or kind was changed, the command fails and keeps your file, saying where it is.

Objects can be named by -Kind and -Name or piped from any Get cmdlet; each is edited in turn.
'@
    Parameters  = @{
        Kind        = 'The kind: kind, plural or short name, optionally group-qualified (deployment, deploy, deployments.apps).'
        Name        = 'The object''s name.'
        InputObject = 'Objects from the pipeline (Get cmdlets, Get-KubeResource); their latest state is read before editing.'
        PassThru    = 'Write the edited object instead of the result line.'
        Namespace   = 'The namespace of the object. Default: the session''s, then the context''s, then default.'
        Context     = 'A kubeconfig context to use for this call only.'
    }
    Inputs      = @('API objects (k8s.Models.*, PracticeK8s.KubeObject)')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult')
    Examples    = @(
        @{ Title = 'edit a deployment'; Code = 'Edit-KubeResource deployment nginx-deployment'; Remarks = 'Opens its YAML in $env:KUBE_EDITOR, $env:EDITOR or vi.' }
        @{ Title = 'with Visual Studio Code'; Code = '$env:KUBE_EDITOR = ''code --wait''; Get-KubeService hello | Edit-KubeResource'; Remarks = 'The editor must not return before the file is closed.' }
    )
    Links       = @('Publish-KubeResource', 'ConvertTo-KubeYaml')
}
