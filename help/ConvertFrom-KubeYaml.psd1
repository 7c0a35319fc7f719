@{
    Synopsis    = 'Reads Kubernetes YAML into API objects.'
    Description = @'
ConvertFrom-KubeYaml reads YAML text or files, with one or many documents separated by ---, and returns one object per Kubernetes object. Built-in kinds become typed API objects (k8s.Models.V1Deployment, V1Pod, ...) that the other cmdlets accept; kinds the module has no model for (custom resources) become PSCustomObjects with the type name PracticeK8s.KubeObject. A document of kind List is opened into its items.

Lines piped from Get-Content are joined before parsing, like ConvertFrom-Json. Malformed YAML is reported with the file (or "the input text"), the document number, the line and the column; nothing of that file is returned. So is a document nested more than 64 levels deep (mappings and sequences, the document itself being level 1): it is refused where the 65th level starts, before anything deeper is read. Aliases (*name) are refused too, and a file larger than 64 MiB is refused before it is read. These errors have the ErrorId KubeManifestInvalid, as in Publish-KubeResource.
'@
    Parameters  = @{
        InputObject = 'YAML text. Pipeline input is collected and parsed as one text.'
        Path        = 'YAML files to read. Wildcards are allowed; FileInfo objects from Get-ChildItem bind by their FullName.'
    }
    Inputs      = @('System.String', 'System.IO.FileInfo')
    Outputs     = @('k8s.Models.V1Deployment (and the other built-in kinds)', 'PracticeK8s.KubeObject')
    Examples    = @(
        @{ Title = 'read a manifest'; Code = 'ConvertFrom-KubeYaml -Path ./deployment.yaml | Select-Object Kind, @{ n = ''Name''; e = { $_.Metadata.Name } }'; Remarks = 'Each document becomes an object.' }
        @{ Title = 'change a manifest before applying it'; Code = 'Get-Content ./deployment.yaml -Raw | ConvertFrom-KubeYaml | ForEach-Object { $_.Spec.Replicas = 4; $_ } | ConvertTo-KubeYaml'; Remarks = 'Typed objects can be edited with ordinary property assignments.' }
    )
    Links       = @('ConvertTo-KubeYaml')
}
