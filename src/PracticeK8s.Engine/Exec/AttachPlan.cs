using k8s.Models;

namespace PracticeK8s.Engine.Exec;

/// <summary>
/// What an attach asks for, decided as kubectl attach does from the container's spec: a terminal
/// only when the container has one ("Unable to use a TTY - container c did not allocate one"
/// otherwise), always when it has one and stdin is sent, never without stdin.
/// </summary>
public sealed record AttachPlan(bool Stdin, bool Tty, bool RestartsAlways, IReadOnlyList<string> Warnings)
{
    public static AttachPlan For(object podModel, string container, bool stdin, bool tty)
    {
        var pod = (V1Pod)podModel;
        var spec = pod.Spec?.Containers?.FirstOrDefault(c => c.Name == container)
                   ?? pod.Spec?.InitContainers?.FirstOrDefault(c => c.Name == container);
        bool containerTty = spec?.Tty == true;
        var ephemeral = pod.Spec?.EphemeralContainers?.FirstOrDefault(c => c.Name == container);
        if (spec is null && ephemeral is not null)
            containerTty = ephemeral.Tty == true;
        var warnings = new List<string>();
        if (tty && !containerTty)
        {
            tty = false;
            warnings.Add($"Unable to use a TTY - container {container} did not allocate one");
        }
        else if (!tty && containerTty)
        {
            tty = true; // a terminal's stream has no stderr channel: asking without one breaks its framing
        }
        if (!stdin)
            tty = false;
        return new AttachPlan(stdin, tty, (pod.Spec?.RestartPolicy ?? "Always") == "Always", warnings);
    }
}
