<#
.SYNOPSIS
    Writes the module's MAML help (en-US/PracticeK8s.dll-Help.xml) from the built module's cmdlet
    metadata (syntax, parameter types, positions, pipeline input, aliases) and the text kept in
    help/<Verb-Noun>.psd1 (synopsis, description, parameter descriptions, examples), and in
    help/SharedParameters.psd1 for parameters every cluster cmdlet has.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourceDir,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$module = Get-Module PracticeK8s
# -WhatIf and -Confirm are documented like any parameter (as PowerShell's own cmdlets' help does); only the
# common parameters every cmdlet has are left to <CommonParameters>.
$common = [System.Management.Automation.Cmdlet]::CommonParameters
$shouldProcess = [System.Management.Automation.Cmdlet]::OptionalCommonParameters
# Text for parameters every cluster cmdlet shares (-RequestTimeout), used where a cmdlet's own file has none.
$sharedFile = Join-Path $SourceDir 'SharedParameters.psd1'
$sharedText = if (Test-Path $sharedFile) { (Import-PowerShellDataFile $sharedFile).Parameters } else { @{} }

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$null = New-Item -ItemType Directory -Path (Split-Path $OutputPath) -Force
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)

function Write-Para([string] $Text) {
    foreach ($para in ($Text -split "`r?`n`r?`n")) {
        $writer.WriteElementString('para', $maml, ($para -replace "`r?`n", ' ').Trim())
    }
}

# The type a reader types: Int32 for Nullable<Int32>, as PowerShell's own help shows it.
function Get-ShownType([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $underlying } else { $Type }
}

# The parameters in the order help shows them: -WhatIf and -Confirm last, as in PowerShell's own help.
function Get-ShownParameterName([string[]] $Names) {
    @($Names | Where-Object { $_ -notin $common -and $_ -notin $shouldProcess }) + @($shouldProcess | Where-Object { $_ -in $Names })
}

function Get-PipelineText($parameter) {
    $byValue = $parameter.ValueFromPipeline
    $byName = $parameter.ValueFromPipelineByPropertyName
    if ($byValue -and $byName) { return 'True (ByValue, ByPropertyName)' }
    if ($byValue) { return 'True (ByValue)' }
    if ($byName) { return 'True (ByPropertyName)' }
    return 'False'
}

$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')

foreach ($cmd in (Get-Command -Module PracticeK8s -CommandType Cmdlet | Sort-Object Name)) {
    $sourceFile = Join-Path $SourceDir "$($cmd.Name).psd1"
    $text = if (Test-Path $sourceFile) { Import-PowerShellDataFile $sourceFile } else { @{} }
    $paramText = if ($text.ContainsKey('Parameters')) { $text.Parameters } else { @{} }

    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)

    $writer.WriteStartElement('details', $command)
    $writer.WriteElementString('name', $command, $cmd.Name)
    $writer.WriteElementString('verb', $command, $cmd.Verb)
    $writer.WriteElementString('noun', $command, $cmd.Noun)
    $writer.WriteStartElement('description', $maml); Write-Para ($text.Synopsis ?? ''); $writer.WriteEndElement()
    $writer.WriteEndElement()

    $writer.WriteStartElement('description', $maml); Write-Para ($text.Description ?? $text.Synopsis ?? ''); $writer.WriteEndElement()

    $writer.WriteStartElement('syntax', $command)
    foreach ($set in $cmd.ParameterSets) {
        $writer.WriteStartElement('syntaxItem', $command)
        $writer.WriteElementString('name', $maml, $cmd.Name)
        $byName = @{}; foreach ($p in $set.Parameters) { $byName[$p.Name] = $p }
        foreach ($p in (Get-ShownParameterName $set.Parameters.Name | ForEach-Object { $byName[$_] })) {
            $writer.WriteStartElement('parameter', $command)
            $writer.WriteAttributeString('required', "$($p.IsMandatory)".ToLower())
            $writer.WriteAttributeString('position', $(if ($p.Position -ge 0) { "$($p.Position)" } else { 'named' }))
            $writer.WriteElementString('name', $maml, $p.Name)
            if ($p.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                $writer.WriteElementString('parameterValue', $command, (Get-ShownType $p.ParameterType).Name)
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('parameters', $command)
    foreach ($name in (Get-ShownParameterName ($cmd.Parameters.Keys | Sort-Object))) {
        $p = $cmd.Parameters[$name]
        $attribute = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
        $writer.WriteStartElement('parameter', $command)
        $writer.WriteAttributeString('required', "$([bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.Mandatory }))".ToLower())
        $writer.WriteAttributeString('globbing', "$([bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }))".ToLower())
        $writer.WriteAttributeString('pipelineInput', (Get-PipelineText $attribute))
        $writer.WriteAttributeString('position', $(if ($attribute.Position -ge 0) { "$($attribute.Position)" } else { 'named' }))
        $writer.WriteAttributeString('aliases', $(if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }))
        $writer.WriteElementString('name', $maml, $name)
        $writer.WriteStartElement('description', $maml); Write-Para ($paramText[$name] ?? $sharedText[$name] ?? ''); $writer.WriteEndElement()
        $shownType = Get-ShownType $p.ParameterType
        $writer.WriteElementString('parameterValue', $command, $shownType.Name)
        $writer.WriteStartElement('type', $dev); $writer.WriteElementString('name', $maml, $shownType.FullName); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    foreach ($section in @(@{ Element = 'inputTypes'; Item = 'inputType'; Key = 'Inputs' }, @{ Element = 'returnValues'; Item = 'returnValue'; Key = 'Outputs' })) {
        $writer.WriteStartElement($section.Element, $command)
        foreach ($entry in @($text[$section.Key] | Where-Object { $_ })) {
            $writer.WriteStartElement($section.Item, $command)
            $writer.WriteStartElement('type', $dev); $writer.WriteElementString('name', $maml, $entry); $writer.WriteEndElement()
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
    }

    if ($text.Notes) {
        $writer.WriteStartElement('alertSet', $maml)
        $writer.WriteStartElement('alert', $maml); Write-Para $text.Notes; $writer.WriteEndElement()
        $writer.WriteEndElement()
    }

    $writer.WriteStartElement('examples', $command)
    $i = 0
    foreach ($example in @($text.Examples | Where-Object { $_ })) {
        $i++
        $writer.WriteStartElement('example', $command)
        $writer.WriteElementString('title', $maml, "--- Example ${i}: $($example.Title) ---")
        $writer.WriteElementString('code', $dev, $example.Code)
        $writer.WriteStartElement('remarks', $dev); Write-Para ($example.Remarks ?? ''); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('relatedLinks', $maml)
    foreach ($link in @($text.Links | Where-Object { $_ })) {
        $writer.WriteStartElement('navigationLink', $maml)
        $writer.WriteElementString('linkText', $maml, $link)
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteEndElement()
}

$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Close()
Write-Host "help: $OutputPath"
