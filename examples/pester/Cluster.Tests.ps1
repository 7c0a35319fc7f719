<#
    Cluster checks a team can run in CI against its own cluster (any kubeconfig context):
        Invoke-Pester ./examples/pester/Cluster.Tests.ps1
    Set $env:PRACTICEK8S_CONTEXT to check a context other than the current one.
#>
BeforeDiscovery {
    if (-not (Get-Module PracticeK8s)) { Import-Module PracticeK8s -ErrorAction Stop }
}

BeforeAll {
    if (-not (Get-Module PracticeK8s)) { Import-Module PracticeK8s -ErrorAction Stop }
    $script:context = @{}
    if ($env:PRACTICEK8S_CONTEXT) { $script:context.Context = $env:PRACTICEK8S_CONTEXT }
}

Describe 'Nodes' {
    It 'are all Ready' {
        Get-KubeNode @context | Should -BeKubeReady
    }

    It 'are not left cordoned' {
        Get-KubeNode @context | Where-Object { $_.Spec.Unschedulable } | Select-Object -ExpandProperty Name | Should -BeNullOrEmpty
    }
}

Describe 'Workloads' {
    It 'every Deployment is fully available' {
        $deployments = Get-KubeDeployment -AllNamespaces @context
        if ($deployments) { $deployments | Should -BeKubeReady }
    }

    It 'every DaemonSet and StatefulSet has all its pods ready' {
        $sets = Get-KubeResource daemonsets, statefulsets -AllNamespaces @context
        if ($sets) { $sets | Should -BeKubeReady }
    }

    It 'no pod of kube-system restarted more than 3 times' {
        Get-KubePod -Namespace kube-system @context | Where-Object Restarts -gt 3 | Select-Object -ExpandProperty Name | Should -BeNullOrEmpty
    }

    It 'no pod is stuck outside Running or Completed' {
        Get-KubePod -AllNamespaces @context | Where-Object Status -notin 'Running', 'Completed' |
            ForEach-Object { "$($_.Namespace)/$($_.Name): $($_.Status)" } | Should -BeNullOrEmpty
    }
}

Describe 'Storage' {
    It 'every claim is Bound' {
        Get-KubePersistentVolumeClaim -AllNamespaces @context | Where-Object Status -ne 'Bound' |
            ForEach-Object { "$($_.Namespace)/$($_.Name)" } | Should -BeNullOrEmpty
    }
}
