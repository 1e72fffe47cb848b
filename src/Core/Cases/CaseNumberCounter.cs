namespace Parasol.Core.Cases;

/// <summary>The last number handed out for one file-classification symbol in one year.</summary>
public sealed class CaseNumberCounter
{
    public string Symbol { get; set; } = "";
    public int Year { get; set; }
    public int LastValue { get; set; }
}
