namespace PracticeK8s.Engine.Presentation;

/// <summary>kubectl's AGE text for a span (the printing library's rule), for objects without a model.</summary>
public static class Durations
{
    public static string Human(TimeSpan elapsed) => PracticeK8s.Printing.HumanDuration.Format(elapsed);
}
