namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>A family's answers that pass every rule; tests change one thing at a time.</summary>
public static class FamilyAssistantAnswers
{
    public static Dictionary<string, string> AboutYou() => new()
    {
        ["Answers.Role"] = "Parent",
        ["Answers.FirstName"] = "Anna",
        ["Answers.LastName"] = "Wójcik",
        ["Answers.Pesel"] = "90032712341",
    };

    public static Dictionary<string, string> Contact() => new()
    {
        ["Answers.Street"] = "3 Maja",
        ["Answers.HouseNumber"] = "36",
        ["Answers.FlatNumber"] = "4",
        ["Answers.PostalCode"] = "44230",
        ["Answers.City"] = "Lipowiec",
        ["Answers.Phone"] = "601 234 567",
        ["Answers.Email"] = "anna.wojcik@example.com",
        ["Answers.PreferredContact"] = "Email",
        ["Answers.Language"] = "pl",
    };

    public static Dictionary<string, string> Household() => new()
    {
        ["Answers.Children[0].FirstName"] = "Zosia",
        ["Answers.Children[0].DateOfBirth.Day"] = "14",
        ["Answers.Children[0].DateOfBirth.Month"] = "9",
        ["Answers.Children[0].DateOfBirth.Year"] = "2018",
        ["Answers.OtherMembers"] = "",
    };

    public static List<KeyValuePair<string, string>> Situation() =>
    [
        new("Answers.Difficulties", "Trudno nam ogarnąć dom i szkołę."),
        new("Answers.HelpWanted", "Upbringing"),
        new("Answers.HelpWanted", "School"),
        new("Answers.HelpOther", ""),
        new("Answers.EarlierHelp", "No"),
        new("Answers.EarlierHelpDetails", ""),
    ];
}
