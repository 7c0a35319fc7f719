@{
    Synopsis    = 'Adds, changes or removes labels of objects, like kubectl label.'
    Description = 'Set-KubeLabel labels the objects you name (kind and names, or every object of the kind matching -Selector) or pipe in from any Get cmdlet. A label that already has another value is refused unless -Overwrite is given, as kubectl does; a $null value removes the label. The change is a merge patch on metadata.labels with the field manager kubectl-label. Output is kubectl''s line (pod/web-1 labeled) or, with -PassThru, the updated object.'
    Parameters  = @{
        Kind        = 'The kind of the objects named (pod, deploy, ns, nodes, ...).'
        Name        = 'The objects to label; wildcards allowed.'
        InputObject = 'Objects from a Get cmdlet.'
        Label       = 'A hashtable of labels to set; a $null value removes that label.'
        Overwrite   = 'Change labels that already have another value.'
        Selector    = 'Label every object of the kind that matches this label selector.'
        PassThru    = 'Return the updated objects instead of kubectl''s lines.'
        Context     = 'A kubeconfig context to use for this call only.'
        Namespace   = 'The namespace of the objects named.'
    }
    Inputs      = @('API objects (k8s.Models.*)')
    Outputs     = @('System.String', 'k8s.Models.*')
    Examples    = @(
        @{ Title = 'label what a query returned'; Code = "Get-KubePod -Selector app=web | Set-KubeLabel -Label @{ tier = 'frontend' }"; Remarks = 'Every web pod gets tier=frontend.' }
        @{ Title = 'remove a label'; Code = "Set-KubeLabel node worker-1 -Label @{ 'maintenance' = `$null }"; Remarks = 'Like kubectl label node worker-1 maintenance-.' }
    )
    Links       = @('Get-KubeResource')
}
