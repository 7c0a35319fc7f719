# kubectl events' filters through Get-KubeEvent (-Type, -For) on a fresh sandbox, with stock
# kubectl events as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = New-TestNamespace 'events-tests'
    $node = Get-TestNode
    New-TestPod -Namespace $ns -Name crashing -Node $node -Script 'exit 3'
    New-TestPod -Namespace $ns -Name steady -Node $node -Script 'echo up; sleep 3600'
    # A crashed container gives a Warning (BackOff) beside the Normal ones (Scheduled, Pulled, Created, Started).
    Wait-Until -Seconds 60 -Because 'the crashing pod has a Warning event' {
        Get-KubeEvent -Namespace $ns | Where-Object { $_.Type -eq 'Warning' -and $_.InvolvedObject.Name -eq 'crashing' }
    } | Out-Null

    function script:Get-Keys($Events) {
        @($Events | ForEach-Object { '{0}|{1}|{2}/{3}' -f $_.Type, $_.Reason, $_.InvolvedObject.Kind, $_.InvolvedObject.Name } | Sort-Object -Unique)
    }

    function script:Get-KubectlKeys([string[]] $Flags) {
        # Rows go down the pipeline one array each (a lone row in a variable would be unrolled into its cells).
        @(ConvertFrom-TableText ((Invoke-Kubectl events -n $ns @Flags) -join "`n") | Select-Object -Skip 1 |
            ForEach-Object { '{0}|{1}|{2}' -f $_[1], $_[2], $_[3] } | Sort-Object -Unique)
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Get-KubeEvent -Type and -For (kubectl events --types, --for)' {
    It 'selects what kubectl events <Flags> selects' -ForEach @(
        @{ Flags = @('--types=Warning'); Params = @{ Type = 'Warning' } }
        @{ Flags = @('--for', 'pod/steady'); Params = @{ For = 'pod/steady' } }
        @{ Flags = @('--for', 'po/crashing', '--types=Warning'); Params = @{ For = 'po/crashing'; Type = 'Warning' } }
        @{ Flags = @('--types=Normal,Warning', '--for', 'pod/steady'); Params = @{ Type = 'Normal', 'Warning'; For = 'pod/steady' } }
    ) {
        # Events keep coming (the crashing pod backs off again): compare until both reads agree.
        $agreed = Wait-Until -Seconds 30 -Because "the module and kubectl list the same events for $Flags" {
            $kubectl = Get-KubectlKeys $Flags
            $ours = Get-Keys (Get-KubeEvent -Namespace $ns @Params)
            if ($ours.Count -gt 0 -and ($ours -join ';') -eq ($kubectl -join ';')) { , $ours }
        }
        $agreed.Count | Should -BeGreaterThan 0
        if ($Params.Type -and @($Params.Type).Count -eq 1) { $agreed | Where-Object { $_ -notlike "$($Params.Type)|*" } | Should -BeNullOrEmpty }
        if ($Params.For) { $agreed | Where-Object { $_ -notlike "*/$(($Params.For -split '/')[1])" } | Should -BeNullOrEmpty }
    }

    It 'refuses a -For without TYPE/NAME, naming the form' {
        { Get-KubeEvent -Namespace $ns -For steady -ErrorAction Stop } | Should -Throw '*TYPE/NAME*'
    }
}
