@{
    Synopsis    = 'Cordons nodes (kubectl cordon) and, with -Drain, evicts their pods (kubectl drain).'
    Description = @'
Suspend-KubeNode marks nodes unschedulable, like kubectl cordon: new pods are no longer placed on them. It reads each node and sends a strategic merge patch {"spec":{"unschedulable":true}} only when the node is schedulable; a node already cordoned is left alone. The result line is kubectl's: node/NAME cordoned, or node/NAME already cordoned. Pipe nodes from Get-KubeNode; other kinds piped in are skipped with a warning (KIND/NAME skipped). -PassThru writes the updated Node instead.

With -Drain it does what kubectl drain does. It cordons the nodes first, then for each node lists its pods and checks them as kubectl does: pods of a DaemonSet are refused unless -IgnoreDaemonSets (which leaves them running), pods with emptyDir volumes are refused unless -DeleteEmptyDirData, pods no controller will recreate are refused unless -Force; mirror (static) pods are left alone; finished pods are always removed. A refusal touches no pod: the error lists the pods and the switch each group needs ("cannot delete Pods with local storage (use --delete-emptydir-data to override): ns/pod"), and the node stays cordoned.

Otherwise every pod is evicted through the Eviction API at once. A pod a PodDisruptionBudget protects (429) is retried every 5 seconds, with a warning each time, until the budget allows it or -Timeout passes. Then it waits until every evicted pod is gone (or replaced by a new pod of the same name). -DisableEviction deletes the pods instead, bypassing budgets. Progress shows the pods remaining; -Verbose shows kubectl's lines (evicting pod ns/p, pod/p evicted, node/n drained).

Each drained node gives a DrainResult: Node, Drained, Evicted, Skipped (pod and reason), Remaining and Errors. A node that could not be drained is also reported as a non-terminating error and stays cordoned; the next node is drained. Ctrl+C stops promptly, leaves the node cordoned and says so.

Cordoning is a Medium-impact change; draining is High impact: it asks for confirmation unless -Confirm:$false is given (or $ConfirmPreference is None). -WhatIf cordons and drains nothing.
'@
    Parameters  = @{
        Name                     = 'Node names.'
        InputObject              = 'Nodes from Get-KubeNode, or node names; other objects are skipped with a warning.'
        PassThru                 = 'Cordon: write the updated Node instead of the result line.'
        Drain                    = 'After cordoning, evict every pod of the node (kubectl drain).'
        IgnoreDaemonSets         = '-Drain: leave DaemonSet-managed pods running instead of refusing to drain (they would be recreated on the node anyway).'
        DeleteEmptyDirData       = '-Drain: evict pods that use emptyDir volumes; their data is lost. Alias DeleteLocalData.'
        Force                    = '-Drain: also evict pods that no controller will recreate (and pods whose DaemonSet no longer exists).'
        GracePeriod              = '-Drain: seconds each pod gets to terminate; -1 (default) uses the pod''s own terminationGracePeriodSeconds, 0 stops it at once.'
        Timeout                  = '-Drain: give up on a node after this many seconds, covering evicting and waiting (kubectl drain --timeout). 0 or absent: no limit.'
        DisableEviction          = '-Drain: delete pods instead of evicting them, bypassing PodDisruptionBudgets.'
        PodSelector              = '-Drain: only evict pods with these labels (selector string or hashtable).'
        SkipWaitForDeleteTimeout = '-Drain: do not wait for pods whose deletion started more than this many seconds ago. 0 (default) waits for all.'
        Context                  = 'A kubeconfig context to use for this call only.'
        Namespace                = 'Not used: nodes are cluster-wide (common parameter of the module''s cmdlets).'
        WhatIf                   = 'Show which nodes would be cordoned or drained, without changing anything.'
        Confirm                  = 'Ask before each node. -Confirm:$false drains without asking.'
    }
    Inputs      = @('k8s.Models.V1Node', 'System.String (node names)')
    Outputs     = @('PracticeK8s.Engine.Drain.CordonResult', 'PracticeK8s.Engine.Drain.DrainResult', 'k8s.Models.V1Node (-PassThru)')
    Examples    = @(
        @{ Title = 'cordon a node'; Code = 'Suspend-KubeNode worker-2'; Remarks = 'Prints node/worker-2 cordoned (or already cordoned).' }
        @{ Title = 'drain every node of a pool'; Code = 'Get-KubeNode -Selector pool=old | Suspend-KubeNode -Drain -IgnoreDaemonSets -Confirm:$false'; Remarks = 'Cordons and drains each node; DaemonSet pods stay.' }
        @{ Title = 'drain with a deadline'; Code = 'Suspend-KubeNode worker-1 -Drain -IgnoreDaemonSets -DeleteEmptyDirData -Force -Timeout 120 -Verbose'; Remarks = 'Evicts everything that can be evicted; gives up after two minutes, leaving the node cordoned.' }
        @{ Title = 'what would a drain do'; Code = 'Suspend-KubeNode worker-1 -Drain -WhatIf'; Remarks = 'Nothing is cordoned or evicted.' }
    )
    Links       = @('Resume-KubeNode', 'Get-KubeNode')
}
