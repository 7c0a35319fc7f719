using System.Management.Automation;
using System.Reflection;

namespace PracticeK8s.Cmdlets;

/// <summary>
/// Confirmation, one rule for every cmdlet: ShouldProcess for each change (-WhatIf, -Confirm and
/// $ConfirmPreference against the cmdlet's declared ConfirmImpact), and a second question for an
/// action riskier than that impact (a dangerous kind, several objects at once, a drain).
/// </summary>
public abstract partial class KubeAsyncCmdlet
{
    private bool _yesToAll;
    private bool _noToAll;

    /// <summary>The ConfirmImpact the cmdlet's attribute declares.</summary>
    protected ConfirmImpact DeclaredImpact => GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;

    /// <summary>
    /// Asks ShouldProcess on the pipeline thread and returns the answer to the worker. A Remove
    /// cmdlet's question defaults to No: pressing Enter at "Are you sure…" keeps the object.
    /// </summary>
    protected Task<bool> ShouldProcessAsync(string target, string action, CancellationToken cancel) =>
        AskAsync(() => PromptDefaultsToNo && WouldPrompt()
            ? _yesToAll || (!_noToAll && ShouldContinue($"Performing the operation \"{action}\" on target \"{target}\".",
                "Are you sure you want to perform this action?", true, ref _yesToAll, ref _noToAll))
            : ShouldProcess(target, action), cancel);

    /// <summary>Removing is destructive: its confirmation defaults to No (ShouldProcess's defaults to Yes).</summary>
    private bool PromptDefaultsToNo => GetType().GetCustomAttribute<CmdletAttribute>()?.VerbName == VerbsCommon.Remove;

    /// <summary>Whether ShouldProcess would ask: not under -WhatIf; -Confirm either way decides; else the impact against $ConfirmPreference.</summary>
    private bool WouldPrompt()
    {
        var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound) ? bound : GetVariableValue("WhatIfPreference");
        if (whatIf is true or SwitchParameter { IsPresent: true })
            return false;
        if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
            return confirm is SwitchParameter { IsPresent: true };
        var preference = GetVariableValue("ConfirmPreference") is ConfirmImpact p ? p : ConfirmImpact.High;
        return preference != ConfirmImpact.None && DeclaredImpact >= preference;
    }

    /// <summary>
    /// The second question, for an action riskier than the declared impact. Not asked when the
    /// declared impact is already High (ShouldProcess asked), when -Confirm was given either way
    /// (-Confirm asked; -Confirm:$false means "don't ask") or when $ConfirmPreference is None.
    /// "Yes to All" and "No to All" hold for the rest of the call; the default answer is No.
    /// </summary>
    protected Task<bool> ConfirmBeyondImpactAsync(string query, string caption, CancellationToken cancel) =>
        AskAsync(() => DeclaredImpact >= ConfirmImpact.High
            || MyInvocation.BoundParameters.ContainsKey("Confirm")
            || GetVariableValue("ConfirmPreference") is ConfirmImpact.None
            || ShouldContinue(query, caption, true, ref _yesToAll, ref _noToAll), cancel);

    private Task<bool> AskAsync(Func<bool> question, CancellationToken cancel)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancel.Register(() => answer.TrySetCanceled(cancel));
        Post(() =>
        {
            try { answer.TrySetResult(question()); }
            catch (Exception e) { answer.TrySetException(e); }
        });
        return answer.Task;
    }
}
