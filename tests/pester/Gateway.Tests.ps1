# Gateway API through the module with the course's example (examples/course/gateway.yaml): the
# built-in GatewayClass programs the Gateway that Get-KubeResource finds with its address and
# conditions, and the address routes /hello and /nginx to their apps.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'gateway-tests'
    Invoke-KubectlApply "apiVersion: v1`nkind: Namespace`nmetadata: {name: $ns}" | Out-Null
    # the course's example, applied through the module
    Publish-KubeResource -Path (Join-Path $PSScriptRoot '../../examples/course/gateway.yaml') -Namespace $ns | Out-Null
    Wait-Until -Seconds 30 -Because 'the Gateway is programmed' {
        (Invoke-Kubectl get gateway web -n $ns -o 'jsonpath={.status.conditions[?(@.type=="Programmed")].status}') -eq 'True'
    }
    $script:address = Invoke-Kubectl get gateway web -n $ns -o 'jsonpath={.status.addresses[0].value}'
}

AfterAll { Stop-TestSandbox }

Describe 'Gateway API through the module' {
    # The module prints custom resources with NAME and AGE (its generic view; kubectl's ADDRESS and
    # PROGRAMMED columns come from the CRD's printer columns, which the module does not read yet):
    # the same rows as kubectl, and the status kubectl's columns show is on the object.
    It 'lists the Gateway with the address and Programmed condition kubectl shows' {
        $gateway = Get-KubeResource gateways -Namespace $ns
        $gateway.Name | Should -Be 'web'
        $gateway.status.addresses[0].value | Should -Be $address
        ($gateway.status.conditions | Where-Object type -eq 'Programmed').status | Should -Be 'True'
        $kubectl = (Invoke-Kubectl get gateways -n $ns) -join "`n"
        $kubectl | Should -Match "web\s+practicek8s\s+$([regex]::Escape($address))\s+True"
        (Get-KubeResource gtw -Namespace $ns | Out-String -Width 300) | Should -Match '(?m)^web\s+\d+s\s*$'
    }

    It 'finds the built-in GatewayClass and the route by their short and plural names' {
        $class = Get-KubeResource gc practicek8s
        $class.spec.controllerName | Should -Be 'practicek8s.io/gateway-controller'
        ($class.status.conditions | Where-Object type -eq 'Accepted').status | Should -Be 'True'
        $route = Get-KubeResource httproutes apps -Namespace $ns
        $route.status.parents[0].controllerName | Should -Be 'practicek8s.io/gateway-controller'
        ($route.status.parents[0].conditions | Where-Object type -eq 'Accepted').status | Should -Be 'True'
    }

    It 'routes /hello to hello-app and /nginx to nginx on the Gateway address' {
        Wait-Until -Seconds 30 -Because 'hello-app answers through the Gateway' {
            try { (Invoke-WebRequest -Uri "http://${address}:8080/hello" -TimeoutSec 5).Content -match 'Hostname: hello-' } catch { $false }
        }
        Wait-Until -Seconds 30 -Because 'nginx answers through the Gateway' {
            try { (Invoke-WebRequest -Uri "http://${address}:8080/nginx" -TimeoutSec 5).Content -match 'Welcome to nginx' } catch { $false }
        }
    }
}
