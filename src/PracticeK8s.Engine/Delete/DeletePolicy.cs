using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Delete;

/// <summary>kubectl delete's flags turned into DeleteOptions: grace period, --force, cascade, dry run.</summary>
public sealed record DeletePolicy(DeleteOptions Options, string Action, string? Warning)
{
    public const string ImmediateDeletionWarning =
        "Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.";

    /// <param name="gracePeriod">Seconds; null (or negative) leaves the object's own default.</param>
    /// <param name="force">kubectl --force: grace period 0 (needs no -GracePeriod, refuses one above 0).</param>
    /// <param name="cascade">Background (default), Foreground or Orphan.</param>
    public static DeletePolicy From(int? gracePeriod, bool force, string? cascade, bool dryRun)
    {
        long? grace = gracePeriod is int g && g >= 0 ? g : null;
        string? warning = null;
        if (force)
        {
            if (grace > 0)
            {
                throw new KubeException("-Force means a grace period of 0: it cannot be combined with a -GracePeriod above 0",
                    "KubeInvalidArguments", System.Management.Automation.ErrorCategory.InvalidArgument);
            }
            grace = 0;
            warning = ImmediateDeletionWarning;
        }
        else if (grace == 0)
        {
            grace = 1;   // kubectl: --grace-period=0 without --force means "as soon as possible", i.e. 1 second
        }
        var policy = NormalizeCascade(cascade);
        return new DeletePolicy(
            new DeleteOptions { GracePeriodSeconds = grace, PropagationPolicy = policy, DryRun = dryRun },
            force ? "force deleted" : "deleted",
            warning);
    }

    public static string NormalizeCascade(string? cascade) => (cascade ?? "Background").ToLowerInvariant() switch
    {
        "background" or "true" => "Background",
        "foreground" => "Foreground",
        "orphan" or "false" => "Orphan",
        _ => throw new KubeException($"invalid cascade value \"{cascade}\": use Background, Foreground or Orphan",
            "KubeInvalidArguments", System.Management.Automation.ErrorCategory.InvalidArgument, cascade),
    };
}
