<#
.SYNOPSIS
    The course "Practicing Kubernetes", step by step, with PracticeK8s cmdlets against a fresh
    sandbox: each command is printed as you would type it, then its output; the end lists every
    step as pass or FAIL and the exit code is non-zero if any step failed.
.DESCRIPTION
    Run by `./build.ps1 demo`. The sandbox's context goes into a temporary kubeconfig, so your own
    ~/.kube/config is never read or written.
.PARAMETER ModulePath
    The module to import (default: the built module under out/).
.PARAMETER KeepSandbox
    Leave the sandbox running at the end (to go on exploring).
.PARAMETER Isolation
    How the sandbox runs pods (Start-KubeSandbox -Isolation): Auto by default; None forces the
    host-process mode, where the steps that look inside a pod only show what they see.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/PracticeK8s/PracticeK8s.psd1'),
    [switch] $KeepSandbox,
    [ValidateSet('Auto', 'Namespaces', 'None')]
    [string] $Isolation = 'Auto'
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
# Written to a file or a CI log: plain text, and tables as wide as a terminal would show them.
$redirected = [Console]::IsOutputRedirected
if ($redirected) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module $ModulePath -Force
$here = $PSScriptRoot
$steps = [System.Collections.Generic.List[object]]::new()

function Step {
    # Prints the command like a prompt, runs it, prints its output, then records whether the check held.
    param([string] $Title, [string] $Command, [scriptblock] $Check = { $true }, [switch] $Quiet)
    Write-Host ''
    Write-Host "PS> $Command" -ForegroundColor Yellow
    $ok = $false
    try {
        $output = @(& ([scriptblock]::Create($Command)))
        if (-not $Quiet) {
            if ($redirected) { $output | Out-String -Width 200 | Write-Host -NoNewline } else { $output | Out-Host }
        }
        $ok = [bool](& $Check $output)
        if (-not $ok) { Write-Host "check failed: $Check" -ForegroundColor Red }
    }
    catch {
        Write-Host "error: $_" -ForegroundColor Red
    }
    $steps.Add([pscustomobject]@{ Step = $Title; Result = if ($ok) { 'pass' } else { 'FAIL' } })
    , $output
}

function Section([string] $Title) {
    Write-Host ''
    Write-Host "==== $Title ====" -ForegroundColor Cyan
}

function Wait-Until([scriptblock] $Condition, [int] $Seconds = 90) {
    # The cluster settles in the background; the step that follows checks the outcome.
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return $true }
        Start-Sleep -Milliseconds 500
    }
    Write-Host "gave up after ${Seconds}s waiting for: $($Condition.ToString().Trim())" -ForegroundColor Red
    $false
}

function Test-ThreeEndpoints([string] $Service) {
    # The Service's endpoints are the three running pods of the Deployment just applied.
    $pods = @(Get-KubePod -Selector role=hello | Where-Object Status -eq Running)
    $cell = (Get-KubeEndpoints $Service -ErrorAction SilentlyContinue).Endpoints
    $addresses = @("$cell" -split ',' | Where-Object { $_ -match ':8080$' } | ForEach-Object { ($_ -split ':')[0] })
    $pods.Count -eq 3 -and $addresses.Count -eq 3 -and -not ($addresses | Where-Object { $_ -notin $pods.IP })
}

# Everything in a private kubeconfig and state folder: the user's own are left alone.
$work = Join-Path ([IO.Path]::GetTempPath()) "practicek8s-course-$PID"
$null = New-Item -ItemType Directory -Path $work -Force
$savedKubeconfig, $savedHome = $env:KUBECONFIG, $env:PRACTICEK8S_HOME
$env:KUBECONFIG = Join-Path $work 'kubeconfig'
$env:PRACTICEK8S_HOME = Join-Path $work 'home'

try {
    Section 'A practice cluster'
    $start = if ($Isolation -eq 'Auto') { 'Start-KubeSandbox' } else { "Start-KubeSandbox -Isolation $Isolation" }
    $null = Step 'start the sandbox' $start { param($o) $o.Running }
    # With namespaces a pod sees its own host name and root; in host-process mode it sees the machine's.
    $isolated = (Get-KubeSandbox).Isolation -eq 'Namespaces'

    Section 'Cluster configuration'
    $null = Step 'contexts' 'Get-KubeContext' { param($o) ($o | Where-Object IsCurrent).Name -eq 'practicek8s' }

    Section 'Namespaces'
    $null = Step 'namespaces' 'Get-KubeNamespace' { param($o) ($o.Name -join ',') -eq 'default,ingress-nginx,kube-node-lease,kube-public,kube-system' }

    Section 'Pods'
    $null = Wait-Until { (Get-KubePod -Namespace kube-system | Where-Object Status -ne 'Running').Count -eq 0 -and (Get-KubePod -Namespace kube-system).Count -ge 10 }
    $null = Step 'kube-system pods' 'Get-KubePod -Namespace kube-system' {
        param($o) $o.Count -ge 10 -and -not ($o | Where-Object Status -ne 'Running') -and ($o.Name -match '^calico-node-').Count -eq 3
    }
    $calico = (Get-KubePod -Namespace kube-system | Where-Object Name -like 'calico-node-*' | Select-Object -First 1).Name
    $null = Step 'delete a pod' "Remove-KubePod -Namespace kube-system $calico" { $true }
    $null = Step 'the DaemonSet brings it back' 'Get-KubePod -Namespace kube-system -Selector k8s-app=calico-node' {
        Wait-Until { $p = Get-KubePod -Namespace kube-system -Selector k8s-app=calico-node; $p.Count -eq 3 -and $p.Name -notcontains $calico -and -not ($p | Where-Object Status -ne Running) }
    }
    $calico = (Get-KubePod -Namespace kube-system | Where-Object Name -like 'calico-node-*' | Select-Object -First 1).Name
    $null = Step 'exec something inside the pod (kubectl exec -it ... -- sh; here one command)' `
        "Invoke-KubeExec -Namespace kube-system -Name $calico -Command sh, -c, 'echo hello from `$(hostname); ls /'" { param($o) ($o -join "`n") -match 'hello from' }
    $null = Step 'inside the pod, the host name is the pod''s' "Invoke-KubeExec -Namespace kube-system -Name $calico -Command hostname" {
        param($o) -not $isolated -or "$o" -eq $calico
    }
    $null = Step 'and / is the container''s own root, none of the host''s folders' "Invoke-KubeExec -Namespace kube-system -Name $calico -Command ls, /" {
        param($o) -not $isolated -or ($o -contains 'usr' -and $o -notcontains 'home' -and $o -notcontains 'work')
    }

    Section 'Deployments'
    $null = Step 'apply a deployment' "Publish-KubeResource -Path $here/deployment.yaml" { param($o) "$o" -match 'deployment.apps/nginx-deployment (created|configured|unchanged)' }
    $null = Wait-Until { (Get-KubePod -Selector app=nginx | Where-Object Status -eq Running).Count -eq 2 }
    $pods = Step 'its pods' 'Get-KubePod' { param($o) ($o | Where-Object Status -eq Running).Count -eq 2 }
    $victim = ($pods | Select-Object -First 1).Name
    $null = Step 'delete a pod' "Remove-KubePod $victim" { $true }
    $null = Step 'a new pod replaces it' 'Get-KubePod' {
        Wait-Until { $p = Get-KubePod -Selector app=nginx; $p.Count -eq 2 -and $p.Name -notcontains $victim -and -not ($p | Where-Object Status -ne Running) }
    }
    # The controllers count the new pod as ready a moment after it runs.
    $null = Wait-Until { (Get-KubeDeployment nginx-deployment).Ready -eq '2/2' }
    $null = Step 'deployments' 'Get-KubeDeployment' { param($o) $o.Ready -eq '2/2' }
    $null = Step 'scale to 4' 'Set-KubeDeploymentScale nginx-deployment -Replicas 4 -Wait' { $true }
    $null = Step 'four of four' 'Get-KubeDeployment' { param($o) $o.Ready -eq '4/4' }
    $null = Step 'four pods' 'Get-KubePod' { param($o) ($o | Where-Object Status -eq Running).Count -eq 4 }
    $null = Step 'describe the deployment' 'Show-KubeResource deployment nginx-deployment' { param($o) ($o -join "`n") -match 'ScalingReplicaSet' }
    $null = Step 'delete the deployment using the file' "Remove-KubeResource -Path $here/deployment.yaml -Wait" { Wait-Until { -not (Get-KubePod -Selector app=nginx) } }

    Section 'DaemonSet'
    $null = Step 'apply a daemon set' "Publish-KubeResource -Path $here/daemonset.yaml" { param($o) "$o" -match 'created|configured|unchanged' }
    $null = Wait-Until { (Get-KubePod -Selector app=nginx | Where-Object Status -eq Running).Count -eq 3 }
    $null = Step 'one pod per node (kubectl get all -o wide)' 'Get-KubeResource all -Wide' {
        $p = Get-KubePod -Selector app=nginx
        $p.Count -eq 3 -and ($p.Node | Sort-Object -Unique).Count -eq 3
    }

    Section 'StatefulSets and PersistentVolumeClaims'
    $null = Step 'apply a stateful set' "Publish-KubeResource -Path $here/statefulset.yaml" { param($o) "$o" -match 'statefulset.apps/my-csi-app-set' }
    $null = Wait-Until { (Get-KubePod my-csi-app-set-0 -ErrorAction SilentlyContinue).Status -eq 'Running' }
    $null = Step 'the volume is attached' 'Show-KubeResource pod my-csi-app-set-0' { param($o) ($o -join "`n") -match 'SuccessfulAttachVolume' }
    $null = Step 'the claim' 'Get-KubePersistentVolumeClaim' { param($o) $o.Name -contains 'csi-pvc-my-csi-app-set-0' -and ($o | Where-Object Name -eq 'csi-pvc-my-csi-app-set-0').Status -eq 'Bound' }
    $null = Step 'remove the stateful set' 'Remove-KubeStatefulSet my-csi-app-set -Wait' { $true }
    # The course leaves it running; its `sleep` ignores SIGTERM as PID 1 of an isolated container, so
    # without a short grace period the claim below would wait the pod's 30 s out.
    $null = Step 'and its pod, without waiting out its grace period' 'Remove-KubePod my-csi-app-set-0 -GracePeriod 1 -Wait -IgnoreNotFound -Confirm:$false' {
        -not (Get-KubePod my-csi-app-set-0 -ErrorAction SilentlyContinue)
    }
    $null = Step 'delete the claim' 'Remove-KubePersistentVolumeClaim csi-pvc-my-csi-app-set-0 -Confirm:$false -Wait' {
        -not (Get-KubePersistentVolumeClaim csi-pvc-my-csi-app-set-0 -ErrorAction SilentlyContinue)
    }

    Section 'Services: ClusterIP'
    $null = Step 'apply a deployment and a ClusterIP service' "Publish-KubeResource -Path $here/cluster_ip.yaml" { param($o) @($o).Count -eq 2 }
    $null = Wait-Until { Test-ThreeEndpoints hello }
    $null = Step 'everything' 'Get-KubeResource all' { param($o) ($o | Where-Object Kind -eq Pod).Count -ge 3 }
    $null = Step 'describe the service' 'Show-KubeResource service hello' { param($o) ($o -join "`n") -match 'Endpoints:\s+\S+:8080,\S+:8080,\S+:8080' }
    $null = Step 'remove it' "Remove-KubeResource -Path $here/cluster_ip.yaml -Wait" { Wait-Until { -not (Get-KubePod -Selector role=hello) } }

    Section 'Services: NodePort'
    $null = Step 'apply a NodePort service' "Publish-KubeResource -Path $here/node_port.yaml" { param($o) @($o).Count -eq 2 }
    $null = Wait-Until { Test-ThreeEndpoints hello }
    $nodes = Step 'nodes with addresses (kubectl get nodes -o wide)' 'Get-KubeNode -Wide' { $true }
    $address = (Get-KubeNode)[0].ExternalIP
    if (-not $address -or $address -eq '<none>') { $address = (Get-KubeNode)[0].InternalIP }
    $hostnames = @()
    foreach ($i in 1..6) {
        $answer = Step "curl http://${address}:30000 ($i)" "(Invoke-WebRequest http://${address}:30000 -TimeoutSec 5).Content" { param($o) ($o -join '') -match 'Hello, world!' } 
        $hostnames += ([regex]::Match(($answer -join "`n"), 'Hostname: (\S+)')).Groups[1].Value
    }
    $null = Step 'answers came from different pods' '$hostnames | Sort-Object -Unique' { ($hostnames | Sort-Object -Unique).Count -ge 2 }
    $null = Step 'remove it' "Remove-KubeResource -Path $here/node_port.yaml -Wait" { Wait-Until { -not (Get-KubePod -Selector role=hello) } }

    Section 'Services: LoadBalancer'
    $null = Step 'apply a LoadBalancer service' "Publish-KubeResource -Path $here/load_balancer.yaml" { param($o) @($o).Count -eq 2 }
    $null = Wait-Until { (Get-KubeService hello).ExternalIP -notin '<pending>', '', $null -and (Test-ThreeEndpoints hello) }
    $null = Step 'the service gets an external IP' 'Get-KubeService' { param($o) ($o | Where-Object Name -eq hello).ExternalIP -match '^\d+\.\d+\.\d+\.\d+$' }
    $lb = (Get-KubeService hello).ExternalIP
    $null = Step "curl http://${lb}:8080" "(Invoke-WebRequest http://${lb}:8080 -TimeoutSec 5).Content" { param($o) ($o -join '') -match 'Hostname: hello-' }
    $null = Step 'remove it' "Remove-KubeResource -Path $here/load_balancer.yaml -Wait" { Wait-Until { -not (Get-KubePod -Selector role=hello) } }

    Section 'Ingress'
    # Ports below 1024 (the controller's 80/443) need root where Linux keeps them privileged: then
    # the controller's LoadBalancer stays pending and its NodePort is the way in.
    $lowPorts = -not $IsLinux -or (& id -u) -eq '0' -or [int](Get-Content /proc/sys/net/ipv4/ip_unprivileged_port_start -ErrorAction SilentlyContinue) -le 80
    $null = Step 'apply two apps and an Ingress with two paths' "Publish-KubeResource -Path $here/ingress.yaml" { param($o) @($o).Count -eq 5 }
    $null = Wait-Until {
        (Get-KubePod -Selector 'app in (hello,web-nginx)' | Where-Object Ready -eq '1/1').Count -eq 3 -and
        (Get-KubePod -Namespace ingress-nginx | Where-Object Ready -eq '1/1') -and
        (-not $lowPorts -or (Get-KubeIngress course).Status.LoadBalancer.Ingress.Ip)
    }
    $null = Step 'the built-in controller and its default class' 'Get-KubeResource ingressclasses' { param($o) $o.Name -contains 'nginx' }
    $null = Step 'the Ingress gets an ADDRESS (kubectl get ingress)' 'Get-KubeIngress' {
        param($o) -not $lowPorts -or ($o | Where-Object Name -eq course).Status.LoadBalancer.Ingress.Ip -match '^\d+\.\d+\.\d+\.\d+$'
    }
    $entry = if ($lowPorts) { "http://$((Get-KubeIngress course).Status.LoadBalancer.Ingress.Ip)" }
             else { "http://127.0.0.1:$(((Get-KubeService ingress-nginx-controller -Namespace ingress-nginx).Spec.Ports | Where-Object Name -eq http).NodePort)" }
    $null = Step "curl $entry/hello" "(Invoke-WebRequest $entry/hello -TimeoutSec 5).Content" { param($o) ($o -join '') -match 'Hostname: hello-' }
    $null = Step "curl $entry/nginx" "(Invoke-WebRequest $entry/nginx -TimeoutSec 5).Content" { param($o) ($o -join '') -match 'Welcome to nginx' }

    Section 'Gateway API'
    $null = Step 'the same apps behind a Gateway and an HTTPRoute' "Publish-KubeResource -Path $here/gateway.yaml" { param($o) @($o).Count -eq 6 }
    $null = Wait-Until { ((Get-KubeResource gateways web).status.conditions | Where-Object type -eq Programmed).status -eq 'True' }
    $gateway = (Get-KubeResource gateways web).status.addresses[0].value
    $null = Step 'the Gateway is programmed with an address' 'Get-KubeResource gateways web | Select-Object -ExpandProperty status' {
        param($o) $o.addresses[0].value -match '^\d+\.\d+\.\d+\.\d+$' -and ($o.conditions | Where-Object type -eq Programmed).status -eq 'True'
    }
    $null = Step "curl http://${gateway}:8080/hello" "(Invoke-WebRequest http://${gateway}:8080/hello -TimeoutSec 5).Content" { param($o) ($o -join '') -match 'Hostname: hello-' }
    $null = Step "curl http://${gateway}:8080/nginx" "(Invoke-WebRequest http://${gateway}:8080/nginx -TimeoutSec 5).Content" { param($o) ($o -join '') -match 'Welcome to nginx' }

    Section 'Inside the cluster: Services by name'
    $null = Step 'a pod to look from' "Publish-KubeResource -Yaml 'apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: sh, image: busybox, command: [sleep, ""3600""]}]}'" { $true }
    $null = Wait-Until { (Get-KubePod client).Status -eq 'Running' }
    if ($isolated) {
        # The pod has the cluster's network and DNS.
        $null = Step 'wget -qO- http://hello:8080 inside the pod' 'Invoke-KubeExec client -Command wget, -qO-, -T, 5, http://hello:8080' {
            param($o) ($o -join "`n") -match 'Hostname: hello-'
        }
        $null = Step 'nslookup hello inside the pod' 'Invoke-KubeExec client -Command nslookup, hello' {
            param($o) ($o -join "`n") -match "Name:\s+hello\.default\.svc\.cluster\.local\s+Address:\s+$([regex]::Escape((Get-KubeService hello).ClusterIP))"
        }
    }
    else {
        Write-Host ''
        Write-Host 'In host-process mode (-Isolation None) pods share the host''s network and name servers: pod IPs,' -ForegroundColor Cyan
        Write-Host 'ClusterIPs and cluster names do not answer inside them (README: "Cluster network").' -ForegroundColor Cyan
    }
    $null = Step 'remove them' "Remove-KubeResource -Path $here/gateway.yaml, $here/ingress.yaml -IgnoreNotFound -Wait; Remove-KubePod client -Wait" {
        Wait-Until { -not (Get-KubePod -Selector 'app in (hello,web-nginx)') }
    }

    Section 'Node maintenance'
    $node = (Get-KubeNode | Select-Object -Last 1).Name
    $null = Step 'cordon' "Suspend-KubeNode $node" { (Get-KubeNode $node).Status -eq 'Ready,SchedulingDisabled' }
    $null = Step 'uncordon' "Resume-KubeNode $node" { (Get-KubeNode $node).Status -eq 'Ready' }
    $null = Step 'drain' "Suspend-KubeNode $node -Drain -IgnoreDaemonSets -DeleteEmptyDirData -Force -Confirm:`$false" {
        -not (Get-KubePod -AllNamespaces -Node $node | Where-Object { -not ($_.Metadata.OwnerReferences | Where-Object Kind -eq DaemonSet) })
    }
    $null = Step 'back in service' "Resume-KubeNode $node" { (Get-KubeNode $node).Status -eq 'Ready' }

    Section 'Logs and copying files'
    $null = Step 'run a pod that logs' "Publish-KubeResource -Yaml 'apiVersion: v1
kind: Pod
metadata: {name: logger}
spec: {containers: [{name: sh, image: busybox, command: [sh, -c, ""for i in 1 2 3; do echo line `$i; done; sleep 3600""]}]}'" { $true }
    # Running is when the container's process has started; its first lines follow a moment later.
    $null = Wait-Until { (Get-KubePod logger).Status -eq 'Running' -and @(Get-KubeLog logger -Tail 3).Count -eq 3 }
    $null = Step 'logs' 'Get-KubeLog logger -Tail 2' { param($o) ($o -join ',') -eq 'line 2,line 3' }
    $local = Join-Path $work 'notes.txt'
    Set-Content -Path $local -Value "practised on $(Get-Date -Format o)"
    $null = Step 'copy a file into the pod' "Copy-KubeItem -Path $local -Destination logger:/tmp/notes.txt" { $true }
    $back = Join-Path $work 'notes-back.txt'
    $null = Step 'and back' "Copy-KubeItem -Path logger:/tmp/notes.txt -Destination $back" { (Get-FileHash $local).Hash -eq (Get-FileHash $back).Hash }
}
finally {
    if (-not $KeepSandbox) {
        Section 'Done'
        Stop-KubeSandbox -Confirm:$false -ErrorAction SilentlyContinue
    }
    $env:KUBECONFIG, $env:PRACTICEK8S_HOME = $savedKubeconfig, $savedHome
    if (-not $KeepSandbox) { Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue }
}

Write-Host ''
foreach ($s in $steps) { Write-Host ('{0,-5} {1}' -f $s.Result, $s.Step) -ForegroundColor $(if ($s.Result -eq 'pass') { 'Green' } else { 'Red' }) }
$failed = @($steps | Where-Object Result -ne 'pass').Count
Write-Host ("{0} steps: {1} passed, {2} failed" -f $steps.Count, ($steps.Count - $failed), $failed)
exit ([int]($failed -gt 0))
