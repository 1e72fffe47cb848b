using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parasol.Core.Mail;

/// <summary>The plain-text part of an e-mail, derived from its HTML so the two never disagree.</summary>
public static class HtmlToText
{
    private static readonly HashSet<string> Blocks = ["P", "DIV", "H1", "H2", "H3", "UL", "OL", "TABLE", "TR", "FOOTER", "HEADER", "SECTION"];

    public static string Convert(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        Walk(document.Body!, text);
        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', CollapseBlankLines(lines)).Trim() + "\n";
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data.Replace('\n', ' '));
                    break;
                case IElement { TagName: "BR" }:
                    text.Append('\n');
                    break;
                case IElement { TagName: "A" } a:
                    Walk(a, text);
                    var href = a.GetAttribute("href");
                    if (!string.IsNullOrEmpty(href) && href != a.TextContent.Trim())
                    {
                        text.Append(" (").Append(href).Append(')');
                    }
                    break;
                case IElement { TagName: "LI" } li:
                    text.Append("\n- ");
                    Walk(li, text);
                    break;
                case IElement e when Blocks.Contains(e.TagName):
                    text.Append("\n\n");
                    Walk(e, text);
                    text.Append("\n\n");
                    break;
                case IElement e when e.TagName is "STYLE" or "SCRIPT" or "HEAD":
                    break;
                default:
                    Walk(child, text);
                    break;
            }
        }
    }

    private static IEnumerable<string> CollapseBlankLines(IEnumerable<string> lines)
    {
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (!blank)
                {
                    yield return line;
                }
                blank = true;
            }
            else
            {
                blank = false;
                yield return line;
            }
        }
    }
}
