@{
    Synopsis    = 'Gets the log lines of containers (kubectl logs).'
    Description = @'
Get-KubeLog reads a container's log from the API server, like kubectl logs, and writes its lines to the pipeline as strings (or, with -AsObject, as objects with Namespace, Pod, Container, Timestamp and Line).

Name a pod, or KIND/NAME (deploy/web, job/backup) for one pod of a workload, or pipe pods, workloads or pod names. For a workload the pods its selector matches are ranked as kubectl ranks them (scheduled, running, ready longest, most restarts, oldest) and the first is used, with the warning "Found N pods, using pod/NAME". With -Selector the logs of every matching pod are read (the last 10 lines of each unless -Tail is given).

Without -Container the pod's default container is used: the one named by the annotation kubectl.kubernetes.io/default-container, else the first, with the warning "Defaulted container "a" out of: a, b" when there was a choice. -AllContainers reads every container (init, regular, ephemeral).

-Follow keeps the command running and writes new lines as they are written, until the containers end or you press Ctrl+C (stopping a job that follows a log ends it within a second). Several pods followed at once (-Selector, or pods piped in) have their lines interleaved as they arrive; at most -MaxLogRequests streams (default 5) are followed.
'@
    Parameters  = @{
        Name           = 'A pod name, or KIND/NAME such as deploy/web or job/backup for one pod of a workload.'
        InputObject    = 'Pods (Get-KubePod), workloads (Get-KubeDeployment, Get-KubeReplicaSet, Get-KubeStatefulSet, Get-KubeDaemonSet, Get-KubeJob, Services) or pod names from the pipeline.'
        Selector       = 'A label selector (string or hashtable): the logs of every matching pod, like kubectl logs -l. Default -Tail is 10 per pod.'
        Container      = 'The container to read. Default: the pod''s default container. Tab completion lists the containers of the pod named by -Name.'
        AllContainers  = 'Read every container of the pod: init containers, regular containers, ephemeral containers.'
        Follow         = 'Keep writing new lines until the containers end or Ctrl+C; several pods are followed at once with their lines interleaved.'
        Tail           = 'Only the last N lines of each log; -1 (the default) for all.'
        Since          = 'Only lines newer than this TimeSpan (rounded up to whole seconds), like kubectl --since=5m.'
        SinceTime      = 'Only lines written at or after this time (sent as RFC 3339), like kubectl --since-time.'
        Timestamps     = 'Prefix each line with the time it was written (RFC 3339 with nanoseconds), as the server writes it.'
        Previous       = 'The log of the previous, terminated instance of the container (after a crash or restart).'
        LimitBytes     = 'Stop reading each log after this many bytes.'
        MaxLogRequests = 'With -Follow: the most log streams followed at once (kubectl --max-log-requests, default 5).'
        Prefix         = 'Prefix each line with [pod/NAME/CONTAINER], like kubectl --prefix.'
        AsObject       = 'Write objects (Namespace, Pod, Container, Timestamp, Line) instead of strings; the timestamp is always read.'
        Context        = 'A kubeconfig context to use for this call only.'
        Namespace      = 'The namespace of the pod or workload. Default: the session''s, then the context''s, then default.'
    }
    Inputs      = @('System.String (pod names)', 'k8s.Models.V1Pod', 'workloads: k8s.Models.V1Deployment, V1ReplicaSet, V1StatefulSet, V1DaemonSet, V1Job, V1Service')
    Outputs     = @('System.String', 'PracticeK8s.Engine.Logs.LogLine')
    Examples    = @(
        @{ Title = 'the last lines of a pod'; Code = 'Get-KubeLog web-7c5ddbdf54-x2k4j -Tail 20'; Remarks = 'Like kubectl logs web-7c5ddbdf54-x2k4j --tail=20.' }
        @{ Title = 'every pod of a deployment'; Code = 'Get-KubeDeployment web | Get-KubePod | Get-KubeLog -Tail 5 -Prefix'; Remarks = 'Five lines of each pod, each line prefixed with [pod/NAME/CONTAINER].' }
        @{ Title = 'follow the pods of a label'; Code = 'Get-KubeLog -Selector app=web -Follow -Prefix'; Remarks = 'New lines of every pod labelled app=web as they are written, until Ctrl+C.' }
        @{ Title = 'why did it crash'; Code = 'Get-KubeLog db-0 -Previous -Timestamps'; Remarks = 'The log of the container instance that ended last, with times.' }
        @{ Title = 'search as objects'; Code = 'Get-KubeLog deploy/web -Since (New-TimeSpan -Minutes 10) -AsObject | Where-Object Line -match "error"'; Remarks = 'Lines of the last ten minutes of one pod of the deployment, filtered in PowerShell.' }
    )
    Links       = @('Get-KubePod', 'Invoke-KubeExec')
}
