# Gateway API through the module: the built-in GatewayClass programs a Gateway that
# Get-KubeResource finds with its address and conditions, and the address answers for its HTTPRoute.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'gateway-tests'
    Invoke-KubectlApply "apiVersion: v1`nkind: Namespace`nmetadata: {name: $ns}" | Out-Null
    Invoke-KubectlApply @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: hello, namespace: $ns}
spec:
  selector: {matchLabels: {app: hello}}
  template:
    metadata: {labels: {app: hello}}
    spec:
      containers: [{name: hello, image: gcr.io/google-samples/hello-app:1.0, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: hello, namespace: $ns}
spec:
  selector: {app: hello}
  ports: [{port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: $ns}
spec:
  gatewayClassName: practicek8s
  listeners: [{name: http, port: 8080, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: hello, namespace: $ns}
spec:
  parentRefs: [{name: web}]
  hostnames: [hello.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /hello}}]
    backendRefs: [{name: hello, port: 8080}]
"@ | Out-Null
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
        $route = Get-KubeResource httproutes hello -Namespace $ns
        $route.status.parents[0].controllerName | Should -Be 'practicek8s.io/gateway-controller'
        ($route.status.parents[0].conditions | Where-Object type -eq 'Accepted').status | Should -Be 'True'
    }

    It 'routes a request on the Gateway address to the HTTPRoute backend' {
        Wait-Until -Seconds 30 -Because 'hello-app answers through the Gateway' {
            try {
                $script:body = (Invoke-WebRequest -Uri "http://${address}:8080/hello" -Headers @{ Host = 'hello.example.com' } -TimeoutSec 5 -SkipHttpErrorCheck).Content
                $script:body -match 'Hostname: hello-'
            } catch { $false }
        }
        $script:body | Should -Match 'Hello, world!'
    }
}
