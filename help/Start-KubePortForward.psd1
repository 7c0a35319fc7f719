@{
    Synopsis    = 'Forwards local ports to a port of a pod (kubectl port-forward).'
    Description = @'
Start-KubePortForward listens on local TCP ports and forwards each connection to a port of a pod, like kubectl port-forward. Every accepted connection gets its own port-forward WebSocket to the API server (pods/NAME/portforward, channel protocol v4.channel.k8s.io), so the session's kubeconfig, TLS trust and credentials are used as for any other request.

The target is a pod name, or TYPE/NAME as kubectl takes it: pod/web, service/web (svc/web), deployment/web (deploy/web), replicaset/x, statefulset/x; or -Service / -Deployment; or pods, Services and workloads piped in. For a Service or workload the pod is chosen as kubectl chooses it (the most active pod its selector matches: scheduled, running, ready longest, fewest restarts, oldest), and a Service port is mapped to its targetPort (a number, or a named container port of that pod). The pod must be running ("unable to forward port because pod is not running").

-Port takes kubectl's pairs: 8080 (the same port on both sides), 8080:80 (local 8080 to pod port 80), 0:80 or :80 (a free local port, shown in LocalPorts), or a port name (http) that the pod or Service declares. -Address lists the local addresses: localhost (the default: 127.0.0.1 and ::1 where IPv6 is available) or IP addresses, which must all be bound.

Without -Wait the command returns the forward (Id, Target, Namespace, Pod, Endpoints, LocalPorts, RemotePorts, State, Started, Error) and the forward keeps running in the background of this PowerShell session: list it with Get-KubePortForward, stop it with Stop-KubePortForward. When the pod is deleted, or the server reports an error on a connection, the forward ends by itself (State Ended, Error "lost connection to pod", as kubectl); the next PracticeK8s command run in the session writes that as a warning. Closing the session or removing the module stops every forward.

With -Wait the forward runs in the foreground and prints kubectl's lines ("Forwarding from 127.0.0.1:8080 -> 8080", "Handling connection for 8080") to the information stream until Ctrl+C, which stops it and frees the ports; a forward that ends by itself is then reported as an error.

At most -MaxConnections connections (default 64) are forwarded at once; further connections wait until one ends.
'@
    Parameters  = @{
        Name           = 'A pod name, or TYPE/NAME: pod/x, service/x (svc/x), deployment/x (deploy/x), replicaset/x (rs/x), statefulset/x (sts/x). Bound from the Name of piped objects.'
        Service        = 'Forward to a pod of this Service; its service ports are mapped to their target ports.'
        Deployment     = 'Forward to a pod of this Deployment.'
        Port           = 'Port pairs like kubectl: 8080, 8080:80, 0:80 or :80 (a free local port), or a port name. Tab completion lists the ports the pod, Deployment or Service declares.'
        Address        = 'Local addresses to listen on: localhost (127.0.0.1 and ::1, the default) or IP addresses, like kubectl --address.'
        InputObject    = 'Pods (Get-KubePod), Services (Get-KubeService) or workloads (Get-KubeDeployment, Get-KubeReplicaSet, Get-KubeStatefulSet) to forward to.'
        Wait           = 'Run in the foreground, printing kubectl''s lines, until Ctrl+C or the forward ends.'
        MaxConnections = 'How many connections are forwarded at once (default 64); further connections wait until one ends.'
        Context        = 'A kubeconfig context to use for this forward.'
        Namespace      = 'The namespace of the pod, Service or workload. Default: the session''s, then the context''s, then default.'
    }
    Inputs      = @('k8s.Models.V1Pod', 'k8s.Models.V1Service', 'workloads: k8s.Models.V1Deployment, V1ReplicaSet, V1StatefulSet')
    Outputs     = @('PracticeK8s.Engine.PortForward.PortForwardSession')
    Examples    = @(
        @{ Title = 'a pod port on a free local port'; Code = '$pf = Start-KubePortForward hello -Port 0:8080; Invoke-WebRequest "http://127.0.0.1:$($pf.LocalPorts[0])/"'; Remarks = 'Like kubectl port-forward pod/hello 0:8080; the forward keeps running until Stop-KubePortForward.' }
        @{ Title = 'a Service, in the foreground'; Code = 'Start-KubePortForward -Service web -Port 8080:80 -Wait'; Remarks = 'Forwards local 8080 to the target port of service port 80 on one pod of the Service, printing "Forwarding from 127.0.0.1:8080 -> 8080", until Ctrl+C.' }
        @{ Title = 'a Deployment, several ports'; Code = 'Start-KubePortForward deploy/web -Port 8080:80, 9090 -Address localhost, 10.0.0.5'; Remarks = 'Two ports, on both loopback addresses and 10.0.0.5.' }
        @{ Title = 'from the pipeline'; Code = 'Get-KubePod -Selector app=web | Select-Object -First 1 | Start-KubePortForward -Port :8080'; Remarks = 'Forwards to the piped pod.' }
    )
    Links       = @('Get-KubePortForward', 'Stop-KubePortForward', 'Invoke-KubeExec')
}
