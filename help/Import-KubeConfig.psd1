@{
    Synopsis    = 'Merges a downloaded cluster config into your kubeconfig.'
    Description = @'
Cloud providers hand out a kubeconfig file per cluster. Import-KubeConfig adds its clusters, users and contexts to ~/.kube/config (or -Destination), after the entries already there; nothing already there is removed or reordered, and fields the module does not know (exec plugins, auth providers, extensions) are kept.

Before writing, the destination is copied to a backup file next to it (<file>.<timestamp>.bak). An entry with the same name and the same content is left as it is, so importing twice changes nothing. An entry with the same name and different content is a clash: the import is refused, listing the clashes, unless -Force (replace them) or -Rename (import under free names such as name-2) is given. A new destination file is created readable by its owner only; an existing file keeps its permissions.
'@
    Parameters  = @{
        Path        = 'The downloaded kubeconfig file.'
        Destination = 'The kubeconfig to merge into. Default: ~/.kube/config.'
        Force       = 'Replace entries of the same name that differ.'
        Rename      = 'Import entries whose names are taken under new names (name-2, name-3, ...), and fix the contexts that refer to them.'
        Use         = "Switch this session to the imported context (the file's current-context, or its only context) and record it as the destination's current-context."
        PassThru    = 'Returns one object per imported entry with what was done to it.'
    }
    Inputs      = @('System.String', 'System.IO.FileInfo')
    Outputs     = @('None', 'PracticeK8s.Engine.Config.ImportedEntry')
    Examples    = @(
        @{ Title = 'add a new cluster'; Code = 'Import-KubeConfig ~/Downloads/lke48122-kubeconfig.yaml -Use'; Remarks = 'Adds the cluster, user and context, backs up ~/.kube/config first, and switches to the new context.' }
        @{ Title = 'see what would change'; Code = 'Import-KubeConfig ./cluster.yaml -WhatIf'; Remarks = 'Lists what would be added without writing anything.' }
        @{ Title = 'import a second cluster with the same names'; Code = 'Import-KubeConfig ./other.yaml -Rename -PassThru'; Remarks = 'Clashing names are imported as name-2 and so on; the output shows the names used.' }
    )
    Links       = @('Get-KubeContext', 'Use-KubeContext')
}
