using System.Globalization;

namespace Parasol.EndToEnd.Tests.HostileInput;

/// <summary>What an attacker, a careless copy-paste or an unusual keyboard may put into any text field.</summary>
public static class HostileCorpus
{
    public static readonly TheoryData<string> Strings = new()
    {
        "<script>alert('xss')</script>",
        "\"><img src=x onerror=alert(1)>",
        "Robert'); DROP TABLE cases;--",
        "' OR '1'='1' --",
        "Anna \u202Efdp.exe\u202C \u200F\u061C",
        "Zosia 👩‍👧‍👦🎉 ❤️",
        "{{7*7}} ${7*7} @(6*7) {number} %s",
        "&lt;b&gt; &amp;amp; &#60;i&#62;",
        "javascript:alert(document.cookie)",
    };

    /// <summary>The hostile string cut to a field's length limit without splitting an emoji or a combined character.</summary>
    public static string Fit(string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }
        var info = new StringInfo(value);
        var count = info.LengthInTextElements;
        while (count > 0 && info.SubstringByTextElements(0, count).Length > maxLength)
        {
            count--;
        }
        return info.SubstringByTextElements(0, count);
    }
}
