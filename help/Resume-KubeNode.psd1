@{
    Synopsis    = 'Uncordons nodes: makes them schedulable again (kubectl uncordon).'
    Description = @'
Resume-KubeNode undoes Suspend-KubeNode, like kubectl uncordon: it reads each node and, when it is unschedulable, sends the strategic merge patch {"spec":{"unschedulable":null}} (the field is removed, as kubectl does). A node already schedulable is left alone. The result line is kubectl's: node/NAME uncordoned, or node/NAME already uncordoned. Pipe nodes from Get-KubeNode; other kinds piped in are skipped with a warning. A node that cannot be uncordoned is a non-terminating error and the other nodes go on.
'@
    Parameters  = @{
        Name        = 'Node names.'
        InputObject = 'Nodes from Get-KubeNode, or node names; other objects are skipped with a warning.'
        PassThru    = 'Write the updated Node instead of the result line.'
        Context     = 'A kubeconfig context to use for this call only.'
        Namespace   = 'Not used: nodes are cluster-wide (common parameter of the module''s cmdlets).'
        WhatIf      = 'Show which nodes would be uncordoned, without changing them.'
        Confirm     = 'Ask before each node.'
    }
    Inputs      = @('k8s.Models.V1Node', 'System.String (node names)')
    Outputs     = @('PracticeK8s.Engine.Drain.CordonResult', 'k8s.Models.V1Node (-PassThru)')
    Examples    = @(
        @{ Title = 'uncordon after maintenance'; Code = 'Resume-KubeNode worker-2'; Remarks = 'Prints node/worker-2 uncordoned.' }
        @{ Title = 'every cordoned node'; Code = 'Get-KubeNode | Where-Object { $_.Spec.Unschedulable } | Resume-KubeNode -PassThru'; Remarks = 'Uncordons them and writes the updated nodes.' }
    )
    Links       = @('Suspend-KubeNode', 'Get-KubeNode')
}
