using System.Globalization;
using k8s.Models;

namespace PracticeK8s.Printing.Describe;

/// <summary>
/// Sums of resource quantities written back in Kubernetes' canonical form (the client's ResourceQuantity parses
/// and canonicalises text, but has no arithmetic), keeping the first operand's format as Go's Quantity.Add does.
/// </summary>
internal readonly record struct QuantityValue(decimal Amount, ResourceQuantity.SuffixFormat Format)
{
    public static QuantityValue Zero => new(0, ResourceQuantity.SuffixFormat.DecimalSI);

    public static QuantityValue Of(ResourceQuantity quantity) => new(quantity.ToDecimal(), quantity.Format);

    public QuantityValue Add(QuantityValue other) =>
        Amount == 0 && Format == ResourceQuantity.SuffixFormat.DecimalSI && other.Amount != 0
            ? other
            : this with { Amount = Amount + other.Amount };

    public override string ToString()
    {
        if (Amount == 0) return "0";
        string text;
        if (Format == ResourceQuantity.SuffixFormat.BinarySI && decimal.Truncate(Amount) == Amount && Amount % 1024 == 0)
            text = (Amount / 1024).ToString(CultureInfo.InvariantCulture) + "Ki";
        else if (decimal.Truncate(Amount * 1000) == Amount * 1000)
            text = (Amount * 1000).ToString("0", CultureInfo.InvariantCulture) + "m";
        else
            text = decimal.Ceiling(Amount * 1_000_000_000).ToString("0", CultureInfo.InvariantCulture) + "n";
        return new ResourceQuantity(text).ToString();
    }
}
