@{
    RootModule           = 'PracticeK8s.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '065efc5a-dbe2-4010-842f-e1fc40df30ea'
    Author               = 'PracticeK8s contributors'
    CompanyName          = 'PracticeK8s'
    Copyright            = '(c) PracticeK8s contributors. Apache License 2.0.'
    Description          = 'kubectl as PowerShell cmdlets: typed objects, kubectl-identical tables, pipelines, and a local practice cluster (sandbox).'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    RequiredAssemblies   = @()
    ScriptsToProcess     = @()
    NestedModules        = @('PracticeK8s.Assertions.psm1')
    CmdletsToExport      = @(
        'Get-KubeContext'
        'Use-KubeContext'
        'Import-KubeConfig'
        'Get-KubeVersion'
        'ConvertFrom-KubeYaml'
        'ConvertTo-KubeYaml'
        'Get-KubeNamespace'
        'Get-KubePod'
        'Get-KubeReplicaSet'
        'Get-KubeDeployment'
        'Get-KubeDaemonSet'
        'Get-KubeStatefulSet'
        'Get-KubePersistentVolumeClaim'
        'Get-KubePersistentVolume'
        'Get-KubeService'
        'Get-KubeEndpoints'
        'Get-KubeNode'
        'Get-KubeIngress'
        'Get-KubeConfigMap'
        'Get-KubeSecret'
        'Get-KubeJob'
        'Get-KubeEvent'
        'Get-KubeResource'
        'Show-KubeResource'
        'Set-KubeLabel'
        'Test-KubeResource'
        'Test-KubeDeploymentReady'
        'Test-KubeNodeReady'
        'Test-KubePodHealthy'
        'Start-KubeSandbox'
        'Stop-KubeSandbox'
        'Remove-KubeSandbox'
        'Get-KubeSandbox'
        'Publish-KubeResource'
        'Remove-KubeResource'
        'Remove-KubePod'
        'Remove-KubeDeployment'
        'Remove-KubeReplicaSet'
        'Remove-KubeStatefulSet'
        'Remove-KubeDaemonSet'
        'Remove-KubeService'
        'Remove-KubeConfigMap'
        'Remove-KubeSecret'
        'Remove-KubeJob'
        'Remove-KubeNamespace'
        'Remove-KubePersistentVolumeClaim'
        'Remove-KubePersistentVolume'
        'Set-KubeDeploymentScale'
        'Edit-KubeResource'
        'Wait-KubeDeployment'
        'Restart-KubeDeployment'
        'Get-KubeRolloutHistory'
        'Undo-KubeDeployment'
        'Get-KubeLog'
        'Invoke-KubeExec'
        'Connect-KubePod'
        'Debug-KubePod'
        'Copy-KubeItem'
        'Suspend-KubeNode'
        'Resume-KubeNode'
        'Start-KubePortForward'
        'Get-KubePortForward'
        'Stop-KubePortForward'
    )
    FunctionsToExport    = @('Register-KubeShouldOperator')
    AliasesToExport      = @()
    VariablesToExport    = @()
    TypesToProcess       = @('formats/PracticeK8s.Types.ps1xml')
    FormatsToProcess     = @(
        'formats/Config.Format.ps1xml'
        'formats/Resources.Format.ps1xml'
        'formats/Changes.Format.ps1xml'
        'formats/Troubleshoot.Format.ps1xml'
        'formats/PortForward.Format.ps1xml'
    )
    PrivateData          = @{
        PSData = @{
            Tags         = @('Kubernetes', 'kubectl', 'k8s', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ProjectUri   = 'https://github.com/practicek8s/PracticeK8s'
            LicenseUri   = 'https://github.com/practicek8s/PracticeK8s/blob/main/LICENSE'
            ReleaseNotes = 'First release: kubectl get, describe, apply, delete, scale, edit, rollout, label, logs, exec, cp, cordon, uncordon and drain as cmdlets; contexts and kubeconfig import; YAML in and out; health checks and Pester operators; a local practice cluster (Start-KubeSandbox).'
        }
    }
}
