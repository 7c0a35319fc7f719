using System.Globalization;
using System.Management.Automation;
using PracticeK8s.Engine.Http;

namespace PracticeK8s.Cmdlets;

/// <summary>
/// Binds -RequestTimeout as kubectl reads --request-timeout: "0" (no limit), a number of seconds,
/// or a duration ("500ms", "30s", "2m"); a TimeSpan is taken as it is.
/// </summary>
public sealed class RequestTimeoutTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        try
        {
            return value switch
            {
                null => null,
                TimeSpan span when span >= TimeSpan.Zero => span,
                int or long or short or byte or double or float or decimal => RequestTimeout.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                string text => RequestTimeout.Parse(text),
                _ => throw new FormatException($"invalid request timeout \"{value}\": give a duration such as 30s, 500ms, 2m or 0 (no limit)"),
            };
        }
        catch (FormatException e)
        {
            throw new ArgumentTransformationMetadataException(e.Message, e);
        }
    }
}
