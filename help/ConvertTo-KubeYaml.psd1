@{
    Synopsis    = 'Writes API objects, hashtables or PSCustomObjects as Kubernetes YAML.'
    Description = @'
ConvertTo-KubeYaml turns the objects the module emits (and hashtables, PSCustomObjects such as ConvertFrom-Json output) into YAML in the style of kubectl get -o yaml: keys sorted, lists at their parent's indentation, strings quoted only where they would otherwise read as numbers or booleans. Several input objects give one multi-document text separated by ---.

With -ForApply the fields the server fills in (status, uid, resourceVersion, generation, creationTimestamp, managedFields, kubectl's last-applied annotation and the deployment controller's revision annotations) are left out, so the text can be kept in source control and applied again.
'@
    Parameters  = @{
        InputObject = 'The objects to write. Arrays are written element by element.'
        ForApply    = 'Leave out what the server fills in, so the YAML is a manifest to apply.'
    }
    Inputs      = @('System.Object')
    Outputs     = @('System.String')
    Examples    = @(
        @{ Title = 'a manifest from a hashtable'; Code = "@{ apiVersion = 'v1'; kind = 'Namespace'; metadata = @{ name = 'team-a' } } | ConvertTo-KubeYaml"; Remarks = 'Prints apiVersion: v1, kind: Namespace and metadata.name: team-a.' }
        @{ Title = 'export a deployment for source control'; Code = 'Get-KubeDeployment web | ConvertTo-KubeYaml -ForApply | Set-Content web.yaml'; Remarks = 'The file holds only what you would apply.' }
    )
    Links       = @('ConvertFrom-KubeYaml')
}
