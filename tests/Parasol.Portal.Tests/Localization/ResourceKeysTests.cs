using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Parasol.Portal.Tests.Localization;

/// <summary>
/// Every string the Portal and the BackOffice show exists in Polish, English and Ukrainian; a missing key fails here, not
/// in front of a family or a social worker. (The BackOffice's sources are read from here too: this checks text, not a
/// running app.)
/// </summary>
public sealed partial class ResourceKeysTests
{
    private static readonly string[] Languages = ["pl", "en", "uk"];

    public static TheoryData<string> Apps => ["Portal", "BackOffice"];

    [Theory]
    [MemberData(nameof(Apps))]
    public void Every_key_used_in_views_and_code_exists_in_all_three_resource_files(string app)
    {
        var used = SourceFiles(app)
            .SelectMany(file => Keys(file).Select(key => (File: file, Key: key)))
            .ToList();
        Assert.NotEmpty(used);

        var missing = Languages
            .SelectMany(language => used.Where(use => !Keys(app, language).Contains(use.Key))
                .Select(use => $"{language}: \"{use.Key}\" ({Path.GetRelativePath(AppRoot(app), use.File)})"))
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Missing resource entries:\n" + string.Join('\n', missing));
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void The_three_resource_files_have_the_same_keys_and_no_empty_values(string app)
    {
        var polish = Keys(app, "pl");
        foreach (var language in Languages.Skip(1))
        {
            var keys = Keys(app, language);
            Assert.True(polish.SetEquals(keys),
                $"pl and {language} differ: only in pl: {string.Join(", ", polish.Except(keys))}; only in {language}: {string.Join(", ", keys.Except(polish))}");
        }
        foreach (var language in Languages)
        {
            var empty = Entries(app, language).Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key).ToList();
            Assert.True(empty.Count == 0, $"{language} has empty values: {string.Join(", ", empty)}");
        }
    }

    [Fact]
    public void Every_information_page_has_its_content_in_every_language()
    {
        var pagesWithContent = Directory.EnumerateFiles(Path.Combine(SourceTree.Portal, "Pages"), "_Content.*.cshtml", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .Distinct()
            .ToList();
        Assert.NotEmpty(pagesWithContent);

        foreach (var directory in pagesWithContent)
        {
            foreach (var language in Languages)
            {
                Assert.True(File.Exists(Path.Combine(directory!, $"_Content.{language}.cshtml")),
                    $"{Path.GetRelativePath(SourceTree.Portal, directory!)} has no _Content.{language}.cshtml");
            }
        }
    }

    private static string AppRoot(string app) => Path.Combine(SourceTree.Root, "src", app);

    /// <summary>The app's views and code, and Core's (whose few localized words, such as a number of minutes, each app's resources give).</summary>
    private static IEnumerable<string> SourceFiles(string app) =>
        new[] { AppRoot(app), AppRoot("Core") }.SelectMany(root => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static Dictionary<string, string> Entries(string app, string language) =>
        XDocument.Load(Path.Combine(AppRoot(app), "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    private static HashSet<string> Keys(string app, string language) => [.. Entries(app, language).Keys];

    /// <summary>
    /// The literal keys a source file uses; in an <c>EnumText.cs</c> (the words for enum values, looked up by the views
    /// with <c>L[EnumText.Of(...)]</c>) every string an arm of a switch gives is a key.
    /// </summary>
    private static IEnumerable<string> Keys(string file)
    {
        var text = File.ReadAllText(file);
        var keys = LocalizerKey().Matches(text).Select(match => Unescape(match.Groups["key"].Value));
        return Path.GetFileName(file) == "EnumText.cs"
            ? keys.Concat(SwitchArmText().Matches(text).Select(match => Unescape(match.Groups["key"].Value)))
            : keys;
    }

    private static string Unescape(string key) => key.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    // A literal key (one that is not a literal cannot be checked): L["..."], l["..."] (the journeys' Summarize),
    // Localizer["..."] and localizer["..."], with or without arguments after it; and the messages of the page models'
    // helpers that localize them, Error(field, "..."), error(field, "...") and Require(value, field, "...").
    [GeneratedRegex("""\b(?:(?:[Ll]|[Ll]ocalizer)\["(?<key>(?:[^"\\]|\\.)*)"\s*[\],]|[Ee]rror\((?:\$?"[^"]*"|[^()",]*),\s*"(?<key>(?:[^"\\]|\\.)*)"\)|Require\([^()",]*,\s*\$?"[^"]*",\s*"(?<key>(?:[^"\\]|\\.)*)"\))""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""=>\s*"(?<key>(?:[^"\\]|\\.)*)"\s*[,;]""")]
    private static partial Regex SwitchArmText();
}
