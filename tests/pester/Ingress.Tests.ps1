# The built-in ingress-nginx through the module, on a fresh sandbox, with stock kubectl as the referee:
# the course's Ingress (two apps behind two paths), its ADDRESS in Get-KubeIngress, curl by path.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = New-TestNamespace 'ingress-tests'
    Invoke-KubectlApply @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: hello, namespace: $ns}
spec:
  replicas: 1
  selector: {matchLabels: {app: hello}}
  template:
    metadata: {labels: {app: hello}}
    spec:
      containers: [{name: hello, image: 'gcr.io/google-samples/hello-app:1.0', ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: hello, namespace: $ns}
spec: {selector: {app: hello}, ports: [{port: 8080}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-nginx, namespace: $ns}
spec:
  replicas: 1
  selector: {matchLabels: {app: web-nginx}}
  template:
    metadata: {labels: {app: web-nginx}}
    spec:
      containers: [{name: nginx, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web-nginx, namespace: $ns}
spec: {selector: {app: web-nginx}, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: course
  namespace: $ns
  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /`$2}
spec:
  rules:
  - http:
      paths:
      - {path: /hello(/|`$)(.*), pathType: ImplementationSpecific, backend: {service: {name: hello, port: {number: 8080}}}}
      - {path: /nginx(/|`$)(.*), pathType: ImplementationSpecific, backend: {service: {name: web-nginx, port: {number: 80}}}}
"@ | Out-Null
    $script:address = Wait-Until -Seconds 60 -Because 'the controller has its LoadBalancer address and is ready' {
        $svc = Get-KubeService ingress-nginx-controller -Namespace ingress-nginx
        $ready = (Invoke-Kubectl get endpoints ingress-nginx-controller -n ingress-nginx -o 'jsonpath={.subsets[*].addresses[*].ip}')
        if ($ready) { $svc.Status.LoadBalancer.Ingress.Ip }
    }
}

AfterAll { Stop-TestSandbox }

Describe 'The built-in ingress-nginx' {
    It 'gives the Ingress the default class and the controller''s address, shown alike by Get-KubeIngress and kubectl' {
        $address | Should -Match '^127\.0\.0\.2\d\d$'
        Wait-Until -Seconds 30 -Because 'the ADDRESS is published' { (Get-KubeIngress course -Namespace $ns).Status.LoadBalancer.Ingress.Ip -eq $address } | Out-Null
        $ingress = Get-KubeIngress course -Namespace $ns
        $ingress.Spec.IngressClassName | Should -Be 'nginx'
        $ours = $ingress | Out-String -Width 2000
        $ours | Should -Match "(?m)^course\s+nginx\s+\*\s+$([regex]::Escape($address))\s+80\s"
        Assert-SameTable -Ours $ours -Kubectl ((Invoke-Kubectl get ingress course -n $ns) -join "`n")
    }

    It 'routes curl by path to the right app' {
        Wait-Until -Seconds 30 -Because 'hello and web-nginx are ready' {
            (Get-KubeDeployment hello -Namespace $ns).Ready -eq '1/1' -and (Get-KubeDeployment web-nginx -Namespace $ns).Ready -eq '1/1'
        } | Out-Null
        $hello = Wait-Until -Seconds 20 -Because '/hello answers' { (Invoke-WebRequest "http://$address/hello" -SkipHttpErrorCheck).Content -match '^Hello, world!' }
        $hello | Should -BeTrue
        (Invoke-WebRequest "http://$address/nginx/" -SkipHttpErrorCheck).Content | Should -Match '<title>Welcome to nginx!</title>'
        $missing = Invoke-WebRequest "http://$address/nowhere" -SkipHttpErrorCheck
        $missing.StatusCode | Should -Be 404
        $missing.Content | Should -Match '<hr><center>nginx</center>'
    }

    It 'is a Deployment, a LoadBalancer Service and a default IngressClass in its own namespace' {
        (Get-KubeDeployment ingress-nginx-controller -Namespace ingress-nginx).Ready | Should -Be '1/1'
        (Get-KubeService ingress-nginx-controller -Namespace ingress-nginx).Spec.Type | Should -Be 'LoadBalancer'
        $class = Get-KubeResource ingressclass nginx
        $class.Spec.Controller | Should -Be 'k8s.io/ingress-nginx'
        $class.Metadata.Annotations['ingressclass.kubernetes.io/is-default-class'] | Should -Be 'true'
    }
}
