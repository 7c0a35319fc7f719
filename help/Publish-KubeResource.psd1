@{
    Synopsis    = 'Creates or updates objects from manifests, like kubectl apply (client-side or server-side).'
    Description = @'
Publish-KubeResource does what kubectl apply -f does. Input comes from -Path (files, directories, wildcards; -Recurse for subdirectories; "-" for standard input), from -Yaml strings, or from the pipeline: files from Get-ChildItem, lines of YAML from Get-Content, and objects from ConvertFrom-KubeYaml, the Get cmdlets or ConvertFrom-Json (server-filled fields such as status, uid, resourceVersion and managedFields are dropped first). In directories only *.yaml, *.yml and *.json files are read; a file named explicitly is read whatever its extension. Multi-document YAML and kind: List are supported.

By default it is kubectl's client-side apply: the annotation kubectl.kubernetes.io/last-applied-configuration records what was applied (byte for byte what kubectl would write, so kubectl apply and Publish-KubeResource can take turns); an object that does not exist is created (field manager kubectl-client-side-apply); an existing one gets a three-way patch that removes what you took out of the manifest since the last apply, sets what you changed, and leaves alone what others changed (strategic merge patch for built-in kinds, JSON merge patch for custom resources). An object whose patch is empty is not touched. The result per object is kubectl's line: "deployment.apps/web created", "configured" or "unchanged".

With -ServerSide the whole object is sent as a server-side apply (PATCH application/apply-patch+yaml); the field manager defaults to "kubectl", the same as kubectl apply --server-side, so both tools own the same fields. A field another manager owns is a conflict error that names the field and the manager; -ForceConflicts takes it over.

Objects are applied in dependency order: Namespaces, then CustomResourceDefinitions (their kinds are waited for up to 10 seconds), then everything else in input order. Objects that name no namespace go to -Namespace, else the session's or context's namespace; with -Namespace, an object naming another namespace is an error. Every failure names the object and its file and document, and is non-terminating: the other objects are still applied. A file that cannot be read as a whole (YAML syntax, a document without apiVersion, kind or metadata.name) applies nothing. -WhatIf sends nothing; -DryRun Client reads but changes nothing; -DryRun Server lets the server validate without storing.
'@
    Parameters  = @{
        Path           = 'Manifest files or directories; wildcards allowed; "-" reads standard input. Files piped from Get-ChildItem are read the same way (through -InputObject).'
        Recurse        = 'With directories, also read manifests in subdirectories (kubectl -R).'
        Yaml           = 'YAML (or JSON) text to apply; each string may hold several documents separated by ---.'
        InputObject    = 'Objects from the pipeline: API objects (typed or generic, from ConvertFrom-KubeYaml, Get cmdlets or ConvertFrom-Json), files and directories (Get-ChildItem, or any object with a FullName property), or strings, which are joined into one YAML stream.'
        Namespace      = 'The namespace for objects that name none. When given, an object that names a different namespace is refused, as kubectl does.'
        Context        = 'A kubeconfig context to use for this call only.'
        ServerSide     = 'Use server-side apply instead of client-side apply.'
        FieldManager   = 'The field manager recorded in managedFields. Default: kubectl-client-side-apply, or kubectl with -ServerSide.'
        ForceConflicts = 'With -ServerSide: take ownership of fields other managers own instead of failing with a conflict.'
        DryRun         = 'None (default), Client (read the live objects, report what would happen, change nothing) or Server (the server runs every check and admission but stores nothing; results end in "(server dry run)").'
        PassThru       = 'Write the objects as the server returned them instead of the result lines.'
    }
    Inputs      = @('System.IO.FileInfo', 'System.String', 'API objects (k8s.Models.*, PracticeK8s.KubeObject, PSCustomObject)')
    Outputs     = @('PracticeK8s.Engine.Changes.ChangeResult', 'k8s.Models.* with -PassThru')
    Examples    = @(
        @{ Title = 'apply a file'; Code = 'Publish-KubeResource -Path ./deployment.yaml'; Remarks = 'Prints "deployment.apps/nginx-deployment created"; run it again and it prints "unchanged".' }
        @{ Title = 'every manifest of a folder tree'; Code = 'Get-ChildItem ./manifests -Recurse -Include *.yaml | Publish-KubeResource'; Remarks = 'Namespaces and CRDs among them are applied first.' }
        @{ Title = 'change objects on the way'; Code = 'ConvertFrom-KubeYaml -Path ./deployment.yaml | ForEach-Object { $_.Spec.Replicas = 3; $_ } | Publish-KubeResource'; Remarks = 'Objects are edited in PowerShell before they are applied.' }
        @{ Title = 'server-side apply'; Code = 'Publish-KubeResource ./deployment.yaml -ServerSide -ForceConflicts'; Remarks = 'Takes over fields other managers own.' }
        @{ Title = 'see what would change'; Code = 'Publish-KubeResource ./app/ -DryRun Server'; Remarks = 'The server validates every object; nothing is stored.' }
    )
    Links       = @('Remove-KubeResource', 'ConvertFrom-KubeYaml', 'ConvertTo-KubeYaml', 'Edit-KubeResource')
}
