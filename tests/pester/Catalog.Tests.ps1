# The kind catalog: a kind added to it at run time (here a custom resource the sandbox serves
# through a CRD) is found by Get-KubeResource, pipeline scoping, describe and Remove-KubeResource's
# impact rule, with no other change.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'catalog-tests'
    Invoke-KubectlApply "apiVersion: v1`nkind: Namespace`nmetadata: {name: $ns}" | Out-Null
    Invoke-KubectlApply @"
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: gadgets, singular: gadget, kind: Gadget, shortNames: [gdg]}
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
"@ | Out-Null
    Wait-Until -Seconds 15 -Because 'the gadgets API' { (Invoke-KubectlRaw get gadgets -n $ns).ExitCode -eq 0 }
    foreach ($app in 'a', 'b') {
        Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cm-$app, namespace: $ns, labels: {app: $app}}" | Out-Null
    }

    # What a test adds to the catalog: a namespaced Gadget that selects by spec.selector, whose
    # deletion is dangerous, whose describe prints no events and reads the pods it selects. The
    # engine lives in the module's own load context, so its types are reached through its assembly.
    $script:AddGadget = @'
$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PracticeK8s.Engine' }
$entry = $engine.GetType('PracticeK8s.Engine.Resources.KindEntry')::new(
    $engine.GetType('PracticeK8s.Engine.Resources.ResourceKind')::new('example.com', 'v1', 'Gadget', 'gadgets', $true))
$entry.Selector = $engine.GetType('PracticeK8s.Engine.Objects.SelectorAccessors')::AtPath('spec.selector')
$entry.DeleteImpact = 'Dangerous'
$entry.Events = 'None'
$entry.Related = $engine.GetType('PracticeK8s.Engine.Describe.RelatedPlans')::PodsBySelector
$engine.GetType('PracticeK8s.Engine.Resources.KindCatalog')::Add($entry)
'@
    $script:Catalog = ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PracticeK8s.Engine' }).GetType('PracticeK8s.Engine.Resources.KindCatalog')

    function script:New-Gadget([string] $Name, [string] $App) {
        Invoke-KubectlApply "apiVersion: example.com/v1`nkind: Gadget`nmetadata: {name: $Name, namespace: $ns}`nspec: {selector: {matchLabels: {app: $App}}}" | Out-Null
    }

    function script:Invoke-InChild([string] $Command) {
        Invoke-ChildPwsh "Import-Module '$ModulePath'; $Command -Context $($sandbox.Context)" | ForEach-Object { "$_" }
    }
}

AfterAll {
    $Catalog::Remove('example.com', 'Gadget') | Out-Null
    Stop-TestSandbox
}

Describe 'A kind added to the catalog' {
    BeforeAll { New-Gadget g1 a }
    AfterEach { $Catalog::Remove('example.com', 'Gadget') | Out-Null }

    It 'is listed by Get-KubeResource under its discovered names' {
        Invoke-Expression $AddGadget
        (Get-KubeResource gdg g1 -Namespace $ns).metadata.name | Should -Be 'g1'
        (Get-KubeResource gadgets.example.com -Namespace $ns).metadata.name | Should -Be 'g1'
    }

    It 'scopes a piped Get by its selector (before: by its namespace only)' {
        (Get-KubeResource gadget g1 -Namespace $ns | Get-KubeConfigMap).Name | Should -Contain 'cm-b'
        Invoke-Expression $AddGadget
        (Get-KubeResource gadget g1 -Namespace $ns | Get-KubeConfigMap).Name | Should -Be 'cm-a'
    }

    It 'is described with its entry''s event rule (before: with an Events section)' {
        (Show-KubeResource gadget g1 -Namespace $ns) -join "`n" | Should -Match '(?m)^Events:'
        Invoke-Expression $AddGadget
        $text = (Show-KubeResource gadget g1 -Namespace $ns) -join "`n"
        $text | Should -Match '(?m)^Name:\s+g1$'
        $text | Should -Not -Match '(?m)^Events:'
    }

    It 'is confirmed before Remove-KubeResource deletes it (before: deleted without asking)' {
        New-Gadget g2 b
        $output = Invoke-InChild "$AddGadget`nRemove-KubeResource gadget g2 -Namespace $ns" | Out-String
        $output | Should -Match 'NonInteractive'
        Test-Exists gadget g2 $ns | Should -BeTrue
        (Invoke-InChild "Remove-KubeResource gadget g2 -Namespace $ns") | Should -Contain 'gadget.example.com "g2" deleted'
        Test-Exists gadget g2 $ns | Should -BeFalse
    }
}

Describe 'The built-in entries' {
    It 'agree with what the sandbox serves (kind, scope, short names), read with stock kubectl' {
        $byGroupVersion = @{}
        foreach ($entry in $Catalog::Entries) {
            $resource = $entry.Resource
            $gv = $resource.ApiVersion
            if (-not $byGroupVersion.ContainsKey($gv)) {
                $path = if ($resource.Group) { "/apis/$gv" } else { "/api/$gv" }
                $byGroupVersion[$gv] = ((Invoke-Kubectl get --raw $path) -join "`n" | ConvertFrom-Json).resources
            }
            $served = $byGroupVersion[$gv] | Where-Object name -EQ $resource.Plural
            $served | Should -Not -BeNullOrEmpty -Because "$($resource.QualifiedPlural) is in the catalog"
            $served.kind | Should -BeExactly $resource.Kind
            $served.namespaced | Should -Be $resource.Namespaced -Because "$($resource.Kind)'s scope"
            (@($served.shortNames | Where-Object { $_ } | Sort-Object) -join ',') | Should -BeExactly (@($resource.ShortNames | Sort-Object) -join ',') -Because "$($resource.Kind)'s short names"
        }
        $byGroupVersion.Keys | Should -Contain 'apps/v1'
        @($Catalog::Entries).Count | Should -BeGreaterThan 20
    }
}
