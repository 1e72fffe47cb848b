namespace Parasol.Core.Validation;

/// <summary>The Polish tax identification number (NIP) and statistical number (REGON).</summary>
public static class TaxNumbers
{
    private static readonly int[] NipWeights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
    private static readonly int[] Regon9Weights = [8, 9, 2, 3, 4, 5, 6, 7];
    private static readonly int[] Regon14Weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

    public static bool IsValidNip(string? value)
    {
        var digits = Digits(value);
        if (digits is null || digits.Length != 10)
        {
            return false;
        }
        var check = WeightedSum(digits, NipWeights) % 11;
        return check != 10 && check == digits[9] - '0';
    }

    public static bool IsValidRegon(string? value)
    {
        var digits = Digits(value);
        var weights = digits?.Length switch
        {
            9 => Regon9Weights,
            14 => Regon14Weights,
            _ => null,
        };
        if (digits is null || weights is null)
        {
            return false;
        }
        var check = WeightedSum(digits, weights) % 11 % 10;
        return check == digits[^1] - '0';
    }

    private static string? Digits(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var compact = string.Concat(value.Where(c => c is not (' ' or '-')));
        return compact.All(char.IsAsciiDigit) ? compact : null;
    }

    private static int WeightedSum(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }
        return sum;
    }
}
