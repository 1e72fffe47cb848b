using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;
using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Tests.Pages.Apply;

public sealed class UploadMessagesTests
{
    [Fact]
    public void Every_reason_a_file_is_refused_has_its_own_message()
    {
        var rules = Options.Create(new AttachmentRules()).Value;
        var problems = Enum.GetValues<UploadProblem>().Where(p => p != UploadProblem.None).ToList();

        var messages = problems.Select(p => UploadMessages.For(p, rules, new KeysAsText())).ToList();

        Assert.Equal(problems.Count, messages.Distinct().Count());
    }

    /// <summary>Answers each message with its key (the English text), filled in.</summary>
    private sealed class KeysAsText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
