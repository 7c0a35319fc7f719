# The scripts users copy: examples/automation/*.ps1 and examples/pester/Cluster.Tests.ps1, each run
# against a sandbox with its result checked through stock kubectl.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:examples = Join-Path $PSScriptRoot '../../examples'

    function script:New-Deployment([string] $Namespace, [string] $Name, [int] $Replicas = 1, [string] $Image = 'nginx:1.14.2', [string] $Command = '') {
        $commandLine = if ($Command) { ", command: [sh, -c, '$Command']" } else { '' }
        Publish-KubeResource -Yaml @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: $Name, namespace: $Namespace, labels: {app: $Name}}
spec:
  replicas: $Replicas
  selector: {matchLabels: {app: $Name}}
  template:
    metadata: {labels: {app: $Name}}
    spec: {containers: [{name: main, image: "$Image"$commandLine}]}
"@ | Out-Null
    }

    function script:Invoke-ClusterChecks {
        # examples/pester/Cluster.Tests.ps1 in its own pwsh (Pester cannot run inside a running Pester).
        $pester = (Get-Module Pester).Path
        $suite = Join-Path $examples 'pester/Cluster.Tests.ps1'
        # Start-KubeSandbox switched only this session to the sandbox; the suite is told the context.
        $lines = Invoke-ChildPwsh -Environment @{ PRACTICEK8S_CONTEXT = 'practicek8s' } @"
Import-Module '$pester'; Import-Module '$ModulePath'
`$r = Invoke-Pester -Path '$suite' -PassThru -Output None
foreach (`$t in `$r.Tests) { '{0}|{1}|{2}' -f `$t.Result, `$t.ExpandedName, (`$t.ErrorRecord -join ' ') }
"@
        $lines | Where-Object { "$_" -match '^(Passed|Failed|Skipped|NotRun)\|' } | ForEach-Object {
            $result, $name, $message = "$_" -split '\|', 3
            [pscustomobject]@{ Result = $result; Name = $name; Message = $message }
        }
    }

    foreach ($ns in 'export-ex', 'label-ex', 'flap-ex', 'drain-ex', 'report-ex') { $null = New-TestNamespace $ns }
}

AfterAll { Stop-TestSandbox }

Describe 'examples/pester/Cluster.Tests.ps1' {
    It 'passes on a healthy cluster' {
        # Settled = every pod Running and ready (ingress-nginx's controller, like upstream's, is ready 10 s after it starts).
        Wait-Until -Seconds 60 { -not (Get-KubePod -AllNamespaces | Where-Object { $_.Status -ne 'Running' -or $_.Ready -notmatch '^(\d+)/\1$' }) } -Because 'the fresh cluster settles'
        $results = @(Invoke-ClusterChecks)
        $results.Count | Should -Be 7
        $results | Where-Object Result -ne 'Passed' | ForEach-Object { "$($_.Name): $($_.Message)" } | Should -BeNullOrEmpty
    }

    It 'fails the cordon check naming the node when one is left cordoned' {
        Suspend-KubeNode sandbox-node-2 | Out-Null
        try {
            $results = @(Invoke-ClusterChecks)
            $failed = @($results | Where-Object Result -eq 'Failed')
            $failed.Name | Should -Be 'are not left cordoned'
            $failed.Message | Should -Match 'sandbox-node-2'
        }
        finally { Resume-KubeNode sandbox-node-2 | Out-Null }
    }
}

Describe 'Export-DeploymentYaml.ps1' {
    It 'writes one re-appliable YAML file per Deployment, without server-filled fields' {
        New-Deployment export-ex web 2
        New-Deployment export-ex api 1 'nginx:alpine'
        $out = Join-Path $TestDrive 'export'
        $files = @(& "$examples/automation/Export-DeploymentYaml.ps1" -Namespace export-ex -OutputDirectory $out)
        $files.Name | Sort-Object | Should -Be @('api.yaml', 'web.yaml')
        foreach ($file in $files) {
            $text = Get-Content $file.FullName -Raw
            $text | Should -Not -Match '(?m)^\s*(resourceVersion|uid|creationTimestamp|managedFields|status):'
            (ConvertFrom-KubeYaml -Path $file.FullName).Kind | Should -Be 'Deployment'
        }
        Remove-KubeDeployment web, api -Namespace export-ex -Wait | Out-Null
        (Publish-KubeResource -Path $out).Message | Sort-Object | Should -Be @('deployment.apps/api created', 'deployment.apps/web created')
        Invoke-Kubectl get deployment api -n export-ex -o 'jsonpath={.spec.template.spec.containers[0].image}' | Should -Be 'nginx:alpine'
        Invoke-Kubectl get deployment web -n export-ex -o 'jsonpath={.spec.replicas}' | Should -Be '2'
    }
}

Describe 'Set-TeamLabel.ps1' {
    BeforeAll {
        Invoke-KubectlApply @'
apiVersion: v1
kind: ConfigMap
metadata: {name: checkout, namespace: label-ex, labels: {app: checkout}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: search, namespace: label-ex, labels: {app: search}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: checkout-legacy, namespace: label-ex, labels: {app: checkout, team: search}}
---
apiVersion: v1
kind: Service
metadata: {name: checkout, namespace: label-ex, labels: {app: checkout}}
spec: {selector: {app: checkout}, ports: [{port: 80}]}
'@ | Out-Null
        New-Deployment label-ex checkout
        function script:Get-Team([string] $Kind, [string] $Name) {
            Invoke-Kubectl get $Kind $Name -n label-ex -o 'jsonpath={.metadata.labels.team}'
        }
    }

    It 'changes nothing with -WhatIf' {
        & "$examples/automation/Set-TeamLabel.ps1" -Namespace label-ex -Selector app=checkout -Team payments -WhatIf -ErrorAction SilentlyContinue
        Get-Team configmap checkout | Should -BeNullOrEmpty
    }

    It 'labels every matching object, refusing to overwrite another team without -Overwrite' {
        $result = & "$examples/automation/Set-TeamLabel.ps1" -Namespace label-ex -Selector app=checkout -Team payments -ErrorVariable err -ErrorAction SilentlyContinue
        @($result) | Sort-Object | Should -Be @('configmap/checkout labeled', 'deployment.apps/checkout labeled', 'service/checkout labeled')
        $err[0].Exception.Message | Should -Match "'team' already has a value \(search\)"
        Get-Team deployment checkout | Should -Be 'payments'
        Get-Team service checkout | Should -Be 'payments'
        Get-Team configmap checkout | Should -Be 'payments'
        Get-Team configmap checkout-legacy | Should -Be 'search'
        Get-Team configmap search | Should -BeNullOrEmpty
    }

    It 'takes over with -Overwrite' {
        & "$examples/automation/Set-TeamLabel.ps1" -Namespace label-ex -Selector app=checkout -Kind configmaps -Team payments -Overwrite | Out-Null
        Get-Team configmap checkout-legacy | Should -Be 'payments'
    }
}

Describe 'Restart-FlappingDeployment.ps1' {
    BeforeAll {
        New-Deployment flap-ex steady
        New-Deployment flap-ex flaky -Image busybox -Command 'echo starting; exit 1'
        Wait-Until -Seconds 60 { (Get-KubeDeployment flaky -Namespace flap-ex | Get-KubePod).Restarts -ge 1 } -Because 'the crashing pod restarts'
        Wait-Until -Seconds 60 { (Get-KubeDeployment steady -Namespace flap-ex).Ready -eq '1/1' } -Because 'the steady deployment is ready'
        function script:Get-RestartedAt([string] $Name) {
            Invoke-Kubectl get deployment $Name -n flap-ex -o 'jsonpath={.spec.template.metadata.annotations.kubectl\.kubernetes\.io/restartedAt}'
        }
    }

    It 'restarts nothing with -WhatIf' {
        & "$examples/automation/Restart-FlappingDeployment.ps1" -Namespace flap-ex -MaxRestarts 0 -WhatIf | Should -BeNullOrEmpty
        Get-RestartedAt flaky | Should -BeNullOrEmpty
    }

    It 'restarts only the Deployment whose pods restart too often, and reports it' {
        $report = @(& "$examples/automation/Restart-FlappingDeployment.ps1" -Namespace flap-ex -MaxRestarts 0)
        $report.Deployment | Should -Be 'flaky'
        $report[0].Restarts | Should -BeGreaterOrEqual 1
        $report[0].Pods | Should -Match '^flaky-'
        Get-RestartedAt flaky | Should -Not -BeNullOrEmpty
        Get-RestartedAt steady | Should -BeNullOrEmpty
    }

    It 'leaves everything alone under a higher threshold' {
        & "$examples/automation/Restart-FlappingDeployment.ps1" -Namespace flap-ex -MaxRestarts 1000 | Should -BeNullOrEmpty
    }
}

Describe 'Invoke-RollingDrain.ps1' {
    It 'drains the nodes one at a time, waits for the workloads, and puts each back in service' {
        New-Deployment drain-ex web 3
        Wait-Until -Seconds 60 { (Get-KubeDeployment web -Namespace drain-ex).Ready -eq '3/3' } -Because 'web is ready'
        $seen = [System.Collections.Generic.List[string]]::new()
        $maintenance = {
            param($name)
            # At maintenance time the node is cordoned and runs nothing but DaemonSet pods.
            $others = @(Get-KubePod -AllNamespaces -Node $name | Where-Object { -not ($_.Metadata.OwnerReferences | Where-Object Kind -eq DaemonSet) })
            $seen.Add(('{0} unschedulable={1} others={2} web={3}' -f $name, (Get-KubeNode $name).Spec.Unschedulable, $others.Count, (Get-KubeDeployment web -Namespace drain-ex).Ready))
        }
        $report = @(& "$examples/automation/Invoke-RollingDrain.ps1" -Node sandbox-node-1, sandbox-node-2 -TimeoutSeconds 120 -Maintenance $maintenance -Confirm:$false)
        $report.Node | Should -Be @('sandbox-node-1', 'sandbox-node-2')
        $report.Uncordoned | Should -Be @($true, $true)
        @($seen) | Should -Be @('sandbox-node-1 unschedulable=True others=0 web=3/3', 'sandbox-node-2 unschedulable=True others=0 web=3/3')
        Invoke-Kubectl get nodes -o 'jsonpath={.items[*].spec.unschedulable}' | Should -BeNullOrEmpty
    }

    It 'does nothing with -WhatIf' {
        & "$examples/automation/Invoke-RollingDrain.ps1" -Node sandbox-node-3 -WhatIf | Should -BeNullOrEmpty
        Invoke-Kubectl get node sandbox-node-3 -o 'jsonpath={.spec.unschedulable}' | Should -BeNullOrEmpty
    }
}

Describe 'New-ClusterHealthReport.ps1' {
    BeforeAll {
        Invoke-KubectlApply @'
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: orphan, namespace: report-ex}
spec: {storageClassName: no-such-class, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
'@ | Out-Null
        New-Deployment report-ex broken -Image busybox -Command 'exit 3'
        # Crashed at least once and not ready now: in its back-off (10 s, then longer) the report sees it as it is,
        # not in the moment a restarted instance runs before it exits again.
        Wait-Until -Seconds 60 {
            $pod = Get-KubeDeployment broken -Namespace report-ex | Get-KubePod
            $pod.Restarts -ge 1 -and $pod.Ready -eq '0/1' -and (Get-KubeDeployment broken -Namespace report-ex).Ready -eq '0/1'
        } -Because 'the broken pod has crashed and waits to restart'
    }

    It 'writes a CSV with the nodes healthy and the problems found' {
        $file = & "$examples/automation/New-ClusterHealthReport.ps1" -Path (Join-Path $TestDrive 'health.csv') -MaxRestarts 0
        $rows = Import-Csv $file.FullName
        $nodes = @($rows | Where-Object Area -eq 'Node')
        $nodes.Object | Sort-Object | Should -Be @('sandbox-node-1', 'sandbox-node-2', 'sandbox-node-3')
        $nodes.Healthy | Sort-Object -Unique | Should -Be 'True'
        ($rows | Where-Object { $_.Area -eq 'Claim' -and $_.Object -eq 'report-ex/orphan' }).Detail | Should -Be 'Pending'
        ($rows | Where-Object { $_.Area -eq 'Deployment' -and $_.Object -eq 'report-ex/broken' }).Healthy | Should -Be 'False'
        ($rows | Where-Object { $_.Area -eq 'Deployment' -and $_.Object -eq 'kube-system/coredns' }).Healthy | Should -Be 'True'
        @($rows | Where-Object { $_.Area -eq 'Pod restarts' -and $_.Object -like 'report-ex/broken-*' }).Count | Should -Be 1
        @($rows | Where-Object { $_.Area -eq 'Warning event' -and $_.Object -eq 'report-ex/PersistentVolumeClaim/orphan' }).Count | Should -BeGreaterOrEqual 1
    }

    It 'writes an HTML page whose title counts the problems' {
        $file = & "$examples/automation/New-ClusterHealthReport.ps1" -Path (Join-Path $TestDrive 'health.html')
        $html = Get-Content $file.FullName -Raw
        $html | Should -Match '<h1>Cluster health \d{4}-\d\d-\d\d \d\d:\d\d - [1-9]\d* problem\(s\)</h1>'
        $html | Should -Match '<td>report-ex/orphan</td>'
    }
}
