using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply;

/// <summary>The address as typed and the one <see cref="EmailTypo"/> suggests instead.</summary>
public sealed record EmailSuggestion(string Typed, string Suggested);

/// <summary>
/// "Did you mean …@gmail.com?" without JavaScript: the first time a page is sent with an address whose domain looks
/// mistyped, it comes back (not as an error) with the suggestion and a choice, "use it" or "keep what I typed". The
/// answer is about that address only: one typed anew is looked at anew. An address already saved is not asked about
/// again (it was kept on purpose, or typed before this check). Bound on every page that asks for an e-mail address.
/// </summary>
public sealed class EmailCheck
{
    public const string UseSuggested = "Suggested";
    public const string KeepTyped = "AsTyped";

    /// <summary>Where the page's question leaves the start of its title for the layout (a partial's ViewData is its own).</summary>
    public const string TitlePrefixKey = "Parasol.TitlePrefix";

    /// <summary>The address the page asked about (a hidden field), so that the choice is not applied to another one.</summary>
    public string? AskedAbout { get; set; }

    /// <summary><see cref="UseSuggested"/> or <see cref="KeepTyped"/>, once the page has asked.</summary>
    public string? Choice { get; set; }

    /// <summary>What the page shows, when it comes back to ask; null when it does not.</summary>
    public EmailSuggestion? Asking { get; private set; }

    /// <summary>
    /// Looks at a valid <paramref name="email"/> and returns the address to keep: the suggested one when the person
    /// chose it, otherwise theirs. Sets <see cref="Asking"/> when the page must come back to ask (the first time, or
    /// without an answer, which is then an error under <c>EmailCheck.Choice</c>).
    /// </summary>
    public string Apply(string email, string? saved, Action<string, string> error)
    {
        var typed = email.Trim();
        if (EmailTypo.SuggestFor(typed) is not { } suggested || typed == saved?.Trim())
        {
            return email;
        }
        if (AskedAbout?.Trim() == typed)
        {
            switch (Choice)
            {
                case UseSuggested:
                    return suggested;
                case KeepTyped:
                    return email;
                default:
                    error("EmailCheck.Choice", "Select whether to use the suggested e-mail address or the one you typed");
                    break;
            }
        }
        Asking = new EmailSuggestion(typed, suggested);
        return email;
    }
}
