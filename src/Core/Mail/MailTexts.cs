namespace Parasol.Core.Mail;

/// <summary>
/// The wording of every e-mail in Polish, English and Ukrainian. Placeholders: {number} case number, {date} date of
/// receipt, {at} when the message's event happened, {code} access code, {due} a deadline, {office} the office's name. No personal or sensitive detail.
/// </summary>
internal static class MailTexts
{
    public sealed record Text(string Subject, string[] Paragraphs);

    public sealed record Common(string Greeting, string StatusLink, string Contact, string DoNotReply);

    public static readonly IReadOnlyDictionary<string, Common> Shared = new Dictionary<string, Common>
    {
        ["pl"] = new("Dzień dobry,", "Sprawdź stan sprawy", "Kontakt z ośrodkiem", "Ta wiadomość została wysłana automatycznie; prosimy na nią nie odpowiadać."),
        ["en"] = new("Hello,", "Check the status of the case", "Contact the office", "This message was sent automatically; please do not reply to it."),
        ["uk"] = new("Добрий день,", "Перевірити стан справи", "Контакти центру", "Це повідомлення надіслано автоматично; просимо не відповідати на нього."),
    };

    /// <summary>
    /// Added to the receipt of an application that is not yet a formal one until signed (the "Za życiem" benefit sent
    /// online without a trusted profile): the e-mail is what a parent keeps, so it must say so as the receipt page does.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SignatureNeeded = new Dictionary<string, string>
    {
        ["pl"] = "Ten wniosek wymaga jeszcze Twojego podpisu: podpisz go przez ePUAP profilem zaufanym albo przyjdź do ośrodka i podpisz go na papierze. Do czasu podpisania nie jest wnioskiem w rozumieniu przepisów, a termin na jego złożenie biegnie dalej.",
        ["en"] = "This application still needs your signature: sign it through ePUAP with a trusted profile, or come to the office and sign it on paper. Until it is signed it is not a formal application, and the time limit for making it keeps running.",
        ["uk"] = "Ця заява ще потребує вашого підпису: підпишіть її через ePUAP довіреним профілем або прийдіть до центру й підпишіть її на папері. Доки її не підписано, вона не є заявою в розумінні закону, а строк для її подання продовжує спливати.",
    };

    public static readonly IReadOnlyDictionary<(MailTemplate, string), Text> Texts = new Dictionary<(MailTemplate, string), Text>
    {
        [(MailTemplate.Receipt, "pl")] = new("Potwierdzenie wpływu sprawy {number}",
            ["{office} otrzymał Twoje zgłoszenie {date}. Nadaliśmy mu znak sprawy {number}.",
             "Kod dostępu do sprawdzenia stanu sprawy: {code}. Zachowaj go; nie przekazuj go innym osobom.",
             "Sprawą zajmie się pracownik socjalny, który skontaktuje się z Tobą."]),
        [(MailTemplate.Receipt, "en")] = new("Confirmation of receipt of case {number}",
            ["{office} received your submission on {date}. Its case number is {number}.",
             "Access code for checking the status of the case: {code}. Keep it safe and do not share it.",
             "A social worker will handle the case and will contact you."]),
        [(MailTemplate.Receipt, "uk")] = new("Підтвердження отримання справи {number}",
            ["{office} отримав ваше звернення {date}. Йому присвоєно номер справи {number}.",
             "Код доступу для перевірки стану справи: {code}. Збережіть його та нікому не передавайте.",
             "Справою займеться соціальний працівник, який зв’яжеться з вами."]),

        [(MailTemplate.CompletionRequest, "pl")] = new("Prośba o uzupełnienie dokumentów w sprawie {number}",
            ["W sprawie {number} potrzebujemy brakujących dokumentów. Szczegóły zobaczysz po zalogowaniu się kodem dostępu na stronie stanu sprawy.",
             "Termin na uzupełnienie: {due}. Jeśli braki nie zostaną uzupełnione w terminie, wniosek może zostać pozostawiony bez rozpoznania."]),
        [(MailTemplate.CompletionRequest, "en")] = new("Request to complete documents in case {number}",
            ["We need missing documents in case {number}. You will see the details on the case status page after entering your access code.",
             "Deadline for completing them: {due}. If they are not completed by then, the application may be left unexamined."]),
        [(MailTemplate.CompletionRequest, "uk")] = new("Прохання доповнити документи у справі {number}",
            ["У справі {number} нам потрібні відсутні документи. Подробиці ви побачите на сторінці стану справи після введення коду доступу.",
             "Строк для доповнення: {due}. Якщо недоліки не буде усунено вчасно, заяву може бути залишено без розгляду."]),

        [(MailTemplate.CompletionReceived, "pl")] = new("Otrzymaliśmy dokumenty w sprawie {number}",
            ["{office} otrzymał {at} dokumenty uzupełniające w sprawie {number}. Zachowaj tę wiadomość jako potwierdzenie.",
             "Pracownik socjalny je sprawdzi. Przesłane pliki i stan sprawy zobaczysz na stronie stanu sprawy po podaniu kodu dostępu."]),
        [(MailTemplate.CompletionReceived, "en")] = new("We have received documents in case {number}",
            ["{office} received the documents completing case {number} on {at}. Keep this message as confirmation.",
             "A social worker will check them. You can see the files sent and the status of the case on the case status page after entering your access code."]),
        [(MailTemplate.CompletionReceived, "uk")] = new("Ми отримали документи у справі {number}",
            ["{office} отримав {at} документи, що доповнюють справу {number}. Збережіть цей лист як підтвердження.",
             "Соціальний працівник їх перевірить. Надіслані файли та стан справи ви побачите на сторінці стану справи після введення коду доступу."]),

        [(MailTemplate.NewAccessCode, "pl")] = new("Nowy kod dostępu do sprawy {number}",
            ["Na Twoją prośbę {office} nadał nowy kod dostępu do sprawy {number}: {code}",
             "Poprzedni kod już nie działa. Stan sprawy sprawdzisz, podając numer sprawy i ten kod. Jeśli nie prosiłeś(-aś) o nowy kod, skontaktuj się z ośrodkiem."]),
        [(MailTemplate.NewAccessCode, "en")] = new("New access code for case {number}",
            ["As you asked, {office} has given case {number} a new access code: {code}",
             "The previous code no longer works. To check the case, enter the case number and this code. If you did not ask for a new code, contact the office."]),
        [(MailTemplate.NewAccessCode, "uk")] = new("Новий код доступу до справи {number}",
            ["На ваше прохання {office} надав новий код доступу до справи {number}: {code}",
             "Попередній код більше не діє. Щоб перевірити справу, введіть номер справи і цей код. Якщо ви не просили нового коду, зверніться до центру."]),

        [(MailTemplate.CompletionReminder, "pl")] = new("Przypomnienie: termin uzupełnienia dokumentów w sprawie {number}",
            ["Przypominamy, że termin na uzupełnienie dokumentów w sprawie {number} mija {due}."]),
        [(MailTemplate.CompletionReminder, "en")] = new("Reminder: deadline for completing documents in case {number}",
            ["This is a reminder that the deadline for completing documents in case {number} is {due}."]),
        [(MailTemplate.CompletionReminder, "uk")] = new("Нагадування: строк доповнення документів у справі {number}",
            ["Нагадуємо, що строк доповнення документів у справі {number} спливає {due}."]),

        [(MailTemplate.OutcomeAssistantAssigned, "pl")] = new("Decyzja w sprawie {number}: przydzielono asystenta rodziny",
            ["W sprawie {number} przydzielono asystenta rodziny. Asystent skontaktuje się, aby umówić pierwsze spotkanie."]),
        [(MailTemplate.OutcomeAssistantAssigned, "en")] = new("Outcome of case {number}: a family assistant has been assigned",
            ["A family assistant has been assigned in case {number}. The assistant will get in touch to arrange a first meeting."]),
        [(MailTemplate.OutcomeAssistantAssigned, "uk")] = new("Рішення у справі {number}: призначено асистента сім’ї",
            ["У справі {number} призначено асистента сім’ї. Асистент зв’яжеться, щоб домовитися про першу зустріч."]),

        [(MailTemplate.OutcomeRefused, "pl")] = new("Rozstrzygnięcie w sprawie {number}",
            ["W sprawie {number} nie przydzielono asystenta rodziny. Uzasadnienie przekażemy w piśmie; możesz też skontaktować się z ośrodkiem."]),
        [(MailTemplate.OutcomeRefused, "en")] = new("Outcome of case {number}",
            ["No family assistant was assigned in case {number}. The reasons will be sent in a letter; you can also contact the office."]),
        [(MailTemplate.OutcomeRefused, "uk")] = new("Рішення у справі {number}",
            ["У справі {number} асистента сім’ї не призначено. Обґрунтування ми надішлемо листом; ви також можете звернутися до центру."]),

        [(MailTemplate.OutcomeReferredElsewhere, "pl")] = new("Rozstrzygnięcie w sprawie {number}: przekazanie do innej instytucji",
            ["Sprawa {number} została przekazana do instytucji właściwej do jej załatwienia. Szczegóły przekażemy w piśmie."]),
        [(MailTemplate.OutcomeReferredElsewhere, "en")] = new("Outcome of case {number}: referred to another institution",
            ["Case {number} has been referred to the institution competent to handle it. Details will be sent in a letter."]),
        [(MailTemplate.OutcomeReferredElsewhere, "uk")] = new("Рішення у справі {number}: передано до іншої установи",
            ["Справу {number} передано до установи, компетентної її розглянути. Подробиці ми надішлемо листом."]),

        [(MailTemplate.AssignedToYou, "pl")] = new("Nowa sprawa przydzielona do Ciebie: {number}",
            ["Przydzielono Ci sprawę {number}. Otwórz ją w systemie Parasol."]),
        [(MailTemplate.StaffDailySummary, "pl")] = new("Parasol: terminy w Twoich sprawach",
            ["Terminy, które minęły lub mijają w najbliższych dniach w sprawach przydzielonych do Ciebie:"]),
        [(MailTemplate.DirectorDigest, "pl")] = new("Parasol: dzienne zestawienie dla dyrekcji",
            ["Zestawienie na dziś:"]),
        [(MailTemplate.UrgentCase, "pl")] = new("PILNE: sprawa {number}",
            ["Sprawa {number} jest oznaczona jako pilna. Wywiad środowiskowy należy przeprowadzić w ciągu 2 dni roboczych. Otwórz ją w systemie Parasol."]),
    };
}
