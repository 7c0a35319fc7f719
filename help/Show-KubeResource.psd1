@{
    Synopsis    = 'Shows the kubectl describe text of objects, with their events.'
    Description = @'
Show-KubeResource prints what kubectl describe prints, line for line: the object's fields in kubectl's layout and its Events table ("x3 over 5m"). It reads the same related objects kubectl reads — a deployment's replica sets, the pods of a replica set, daemon set or stateful set, a node's pods and lease, a service's endpoint slices — with the same requests.

Name the kind and the objects (names, wildcards, or a prefix as kubectl accepts), select them by label, or pipe objects from any Get cmdlet. With -AsObject the description comes back as structured sections (label, value, children, table columns and rows) instead of text.
'@
    Parameters  = @{
        Kind        = 'The kind: kind, plural, short name or group-qualified name (pod, deploy, svc, nodes, deployments.apps).'
        Name        = 'Objects to describe. Wildcards are allowed; a name that matches no object exactly describes the objects whose names start with it, as kubectl does. Without names, every object of the kind in the namespace.'
        Selector    = 'A label selector (string or hashtable) choosing the objects.'
        InputObject = 'Objects from a Get cmdlet (any kind).'
        AsObject    = 'Return the sections of the description instead of its text.'
        Context     = 'A kubeconfig context to use for this call only.'
        Namespace   = 'The namespace of the objects named. Default: the session''s, then the context''s, then default.'
    }
    Inputs      = @('API objects (k8s.Models.*)')
    Outputs     = @('System.String', 'PracticeK8s.Printing.DescribeSection')
    Examples    = @(
        @{ Title = 'describe a deployment'; Code = 'Show-KubeResource deployment nginx-deployment'; Remarks = 'The same text as kubectl describe deployments.apps nginx-deployment.' }
        @{ Title = 'describe what a Get returned'; Code = 'Get-KubePod -Selector app=web | Show-KubeResource'; Remarks = 'Each pod''s description, separated by blank lines.' }
        @{ Title = 'one field of a description'; Code = "(Show-KubeResource node worker-1 -AsObject | Where-Object Label -eq 'Conditions').Rows"; Remarks = 'The structured form gives table rows as arrays of cells.' }
    )
    Links       = @('Get-KubeResource', 'Get-KubeEvent')
}
