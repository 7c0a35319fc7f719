# The cluster network from inside a pod, driven through the module (Invoke-KubeExec) on a fresh
# sandbox whose pods have network namespaces of their own: Services by ClusterIP, short name and FQDN,
# a headless Service's pod IPs, a StatefulSet pod's DNS name, kubernetes.default and NXDOMAIN, all
# through the container's own resolver (the C library reading the resolv.conf the kubelet wrote).
# Stock kubectl reads the addresses that must answer.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox -Isolation Namespaces
    $script:ns = New-TestNamespace 'net-tests'
    Publish-KubeResource -Namespace $ns -Yaml @'
apiVersion: apps/v1
kind: Deployment
metadata: {name: hello}
spec:
  replicas: 1
  selector: {matchLabels: {app: hello}}
  template:
    metadata: {labels: {app: hello}}
    spec:
      terminationGracePeriodSeconds: 1
      containers: [{name: hello, image: 'gcr.io/google-samples/hello-app:1.0', ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: hello}
spec: {selector: {app: hello}, ports: [{name: http, port: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec: {clusterIP: None, selector: {app: web}, ports: [{name: web, port: 80}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 1
      containers: [{name: nginx, image: nginx, ports: [{name: web, containerPort: 80}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  terminationGracePeriodSeconds: 1
  containers: [{name: c, image: busybox, command: [sleep, '3600']}]
'@ | Out-Null
    Wait-Until -Seconds 90 -Because 'every pod of the test namespace is ready' {
        $pods = @(Get-KubePod -Namespace $ns)
        $pods.Count -eq 4 -and -not ($pods | Where-Object { $_.Status -ne 'Running' -or $_.Ready -notmatch '^(\d+)/\1$' })
    } | Out-Null

    function script:Resolve-InPod([string] $Name) {
        # getent asks the C library, which reads the pod's /etc/resolv.conf: the container's own resolver.
        $lines = @(Invoke-KubeExec client -Namespace $ns -- getent ahostsv4 $Name)
        if ($LASTEXITCODE -ne 0) { throw "getent ahostsv4 $Name exited $LASTEXITCODE" }
        [pscustomobject]@{
            Addresses = @($lines | ForEach-Object { ($_ -split '\s+')[0] } | Sort-Object -Unique)
            Names = @($lines | ForEach-Object { ($_ -split '\s+') | Select-Object -Skip 2 } | Where-Object { $_ } | Sort-Object -Unique)
        }
    }
}

AfterAll { Stop-TestSandbox }

Describe 'The cluster network from inside a pod, through the module' {
    It 'the pod''s resolv.conf names the cluster DNS, its search path and ndots:5' {
        $resolv = @(Invoke-KubeExec client -Namespace $ns -- cat /etc/resolv.conf)
        $resolv | Should -Contain "search $ns.svc.cluster.local svc.cluster.local cluster.local"
        $resolv | Should -Contain 'nameserver 10.96.0.10'
        $resolv | Should -Contain 'options ndots:5'
    }

    It 'a Service answers at its ClusterIP, by short name and by FQDN' {
        $clusterIp = Invoke-Kubectl get service hello -n $ns -o 'jsonpath={.spec.clusterIP}'
        (Get-KubeService hello -Namespace $ns).ClusterIP | Should -Be $clusterIp
        $short = Resolve-InPod hello
        $short.Addresses | Should -Be @($clusterIp)
        $short.Names | Should -Contain "hello.$ns.svc.cluster.local"
        (Resolve-InPod "hello.$ns.svc.cluster.local").Addresses | Should -Be @($clusterIp)
        foreach ($target in $clusterIp, 'hello', "hello.$ns.svc.cluster.local") {
            $page = (Invoke-KubeExec client -Namespace $ns -- wget -qO- -T 5 "http://${target}:8080") -join "`n"
            $page | Should -Match 'Hostname: hello-' -Because "wget http://${target}:8080 reaches hello-app"
        }
    }

    It 'a headless Service is its pods'' IPs, and a StatefulSet pod has its own name' {
        $ips = @((Invoke-Kubectl get pods -n $ns -l app=web -o 'jsonpath={.items[*].status.podIP}') -split ' ' | Sort-Object)
        $ips | Should -HaveCount 2
        (Resolve-InPod nginx).Addresses | Should -Be $ips
        $web0 = Invoke-Kubectl get pod web-0 -n $ns -o 'jsonpath={.status.podIP}'
        (Get-KubePod web-0 -Namespace $ns).IP | Should -Be $web0
        (Resolve-InPod "web-0.nginx.$ns.svc.cluster.local").Addresses | Should -Be @($web0)
        (Invoke-KubeExec client -Namespace $ns -- wget -qO- -T 5 "http://web-0.nginx") -join "`n" | Should -Match 'Welcome to nginx'
    }

    It 'kubernetes.default is the API server''s Service' {
        $clusterIp = Invoke-Kubectl get service kubernetes -n default -o 'jsonpath={.spec.clusterIP}'
        (Resolve-InPod kubernetes.default).Addresses | Should -Be @($clusterIp)
    }

    It 'a missing name is NXDOMAIN: getent finds nothing (exit 2) and Invoke-KubeExec reports the exit code' {
        $missing = "nope.$ns.svc.cluster.local"
        $out = Invoke-KubeExec client -Namespace $ns -ErrorAction SilentlyContinue -- getent hosts $missing
        $LASTEXITCODE | Should -Be 2
        $out | Should -BeNullOrEmpty
        $lookup = (Invoke-KubeExec client -Namespace $ns -ErrorAction SilentlyContinue -- nslookup $missing) -join "`n"
        $LASTEXITCODE | Should -Not -Be 0
        if (-not (Get-Command nslookup -ErrorAction Ignore)) { $lookup | Should -Match "can't find $([regex]::Escape($missing)): NXDOMAIN" }
    }
}
