using System.Collections.Concurrent;
using Hangfire;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Testing;

namespace Parasol.Core.Tests.Jobs;

/// <summary>E-mail from the outbox through MailKit to a real SMTP server (maildev) on loopback.</summary>
public sealed class SendEmailJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingJobClient _jobs = new();
    private TestDatabase _database = null!;
    private Maildev _smtp = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = await Maildev.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = _smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:TimeoutSeconds"] = "5",
            ["Portal:BaseUrl"] = "https://portal.example.test",
            ["BackOffice:BaseUrl"] = "https://backoffice.example.test",
        }).Build();
        _services = _database.CreateServices(s =>
        {
            s.AddParasolJobs(configuration);
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
            s.AddSingleton<IBackgroundJobClient>(_jobs);
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_receipt_is_sent_once_in_the_applicants_language_with_the_access_code()
    {
        var c = await TestCases.SubmitAsync(_services, x => x.Language = "uk", _time);
        var row = await EmailRowAsync(c.Id, MailTemplate.Receipt);
        // While it waits for the mail server, the row (and any backup of the database) does not hold the code in clear.
        Assert.DoesNotContain("K7M2-QX9P", row.Payload, StringComparison.Ordinal);
        Assert.StartsWith(OutboxSecrets.Prefix, row.Payload, StringComparison.Ordinal);

        await SendAsync(row.Id);
        await SendAsync(row.Id);

        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal(c.ContactEmail, mail.To);
        Assert.Equal($"Підтвердження отримання справи {c.Number}", mail.Subject);
        Assert.Contains("Код доступу для перевірки стану справи: K7M2-QX9P", mail.Text);
        Assert.Contains("Miejski Ośrodek Pomocy Społecznej w Lipowcu", mail.Text);
        Assert.Contains("https://portal.example.test/status?culture=uk", mail.Text);
        var html = await _smtp.HtmlAsync(mail);
        Assert.Contains("<html lang=\"uk\">", html);
        Assert.DoesNotContain("3 Maja 36", html);

        var sent = await EmailRowAsync(c.Id, MailTemplate.Receipt);
        Assert.NotNull(sent.ProcessedAt);
        Assert.Null(sent.Payload);
        await using var db = _database.CreateDbContext();
        var onTimeline = await db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.EmailSent).Select(e => e.Text).ToListAsync();
        Assert.Equal(["Wysłano e-mail: potwierdzenie wpływu (do wnioskodawcy lub instytucji)."], onTimeline);
    }

    [Fact]
    public async Task A_receipt_queued_before_access_codes_were_encrypted_is_still_sent_with_its_code()
    {
        var c = await TestCases.SubmitAsync(_services, configure: null, _time);
        var row = await EmailRowAsync(c.Id, MailTemplate.Receipt);
        await using (var db = _database.CreateDbContext())
        {
            await db.OutboxMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, "K7M2-QX9P"));
        }

        await SendAsync(row.Id);

        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Contains("Kod dostępu do sprawdzenia stanu sprawy: K7M2-QX9P.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receipt_of_a_benefit_application_that_still_needs_a_signature_says_so_and_an_ordinary_one_does_not()
    {
        var benefit = await TestCases.SubmitAsync(_services, x => { x.Type = CaseType.OneTimeBenefit; x.NeedsSignature = true; }, _time);
        var assistant = await TestCases.SubmitAsync(_services, configure: null, _time);

        await SendAsync((await EmailRowAsync(benefit.Id, MailTemplate.Receipt)).Id);
        await SendAsync((await EmailRowAsync(assistant.Id, MailTemplate.Receipt)).Id);

        var mails = await _smtp.WaitForAsync(2);
        const string signature = "Ten wniosek wymaga jeszcze Twojego podpisu: podpisz go przez ePUAP profilem zaufanym";
        Assert.Contains(signature, mails.Single(m => m.To == benefit.ContactEmail).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, mails.Single(m => m.To == assistant.ContactEmail).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_sent_in_answer_to_a_completion_request_are_confirmed_to_the_family_with_the_moment_they_arrived()
    {
        var c = await TestCases.SubmitAsync(_services, configure: null, _time);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
            tracked.Status = CaseStatus.WithSocialWorker;
            // 11:42 in Warsaw (UTC+1 in March).
            tracked.Events.Add(new CaseEvent { OccurredAt = new DateTimeOffset(2026, 3, 5, 10, 42, 0, TimeSpan.Zero), Kind = CaseEventKind.CompletionReceived, Text = "zaświadczenie.pdf" });
            await db.SaveChangesAsync();
        }

        await SendAsync((await EmailRowAsync(c.Id, MailTemplate.CompletionReceived)).Id);

        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal(c.ContactEmail, mail.To);
        Assert.Equal($"Otrzymaliśmy dokumenty w sprawie {c.Number}", mail.Subject);
        Assert.Contains($"otrzymał 5 marca 2026, 11:42 dokumenty uzupełniające w sprawie {c.Number}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("zaświadczenie.pdf", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_e_mail_to_a_member_of_staff_links_to_the_case_it_is_about()
    {
        var c = await TestCases.SubmitAsync(_services, x => x.IsUrgent = true, _time);
        long id;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            var worker = await db.Users.SingleAsync(u => u.Email == "a.kowalska@ops.example");
            var row = new OutboxMessage
            {
                Kind = OutboxKind.Email,
                Template = MailTemplate.UrgentCase,
                CaseId = c.Id,
                RecipientStaffId = worker.Id,
                CreatedAt = _time.GetUtcNow(),
                DueAt = _time.GetUtcNow(),
            };
            db.OutboxMessages.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        await SendAsync(id);

        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal($"PILNE: sprawa {c.Number}", mail.Subject);
        Assert.Contains($"https://backoffice.example.test/cases/{c.Id}", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_is_acknowledged_to_the_institution_and_not_to_the_family()
    {
        var c = await TestCases.SubmitAsync(_services, x =>
        {
            x.Type = CaseType.Referral;
            x.Source = CaseSource.School;
            x.ReferringInstitution = new ReferringInstitution
            {
                Type = InstitutionType.School,
                Name = "Szkoła Podstawowa nr 2",
                ContactPerson = "Jan Pedagog",
                ContactRole = "pedagog",
                Email = "pedagog@sp2.example.test",
            };
        }, _time);

        await using var scope = _services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().OutboxMessages
            .Where(m => m.CaseId == c.Id && m.Kind == OutboxKind.Email).ToListAsync();
        var row = Assert.Single(rows);
        await SendAsync(row.Id);

        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal("pedagog@sp2.example.test", mail.To);
        Assert.Equal($"Potwierdzenie wpływu sprawy {c.Number}", mail.Subject);
    }

    [Fact]
    public async Task Outcomes_and_completion_requests_are_written_from_the_timeline()
    {
        var c = await TestCases.SubmitAsync(_services, x => x.Language = "en", _time);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
            tracked.Status = CaseStatus.CompletionRequested;
            tracked.CompletionDueOn = new DateOnly(2026, 3, 16);
            tracked.Events.Add(new CaseEvent { OccurredAt = _time.GetUtcNow(), Kind = CaseEventKind.CompletionRequested, Text = "Wezwanie" });
            await db.SaveChangesAsync();
        }

        var request = await EmailRowAsync(c.Id, MailTemplate.CompletionRequest);
        var reminder = await EmailRowAsync(c.Id, MailTemplate.CompletionReminder);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 7, 0, 0, TimeSpan.Zero), reminder.DueAt); // 8:00 in Warsaw, two days before
        await SendAsync(request.Id);
        await SendAsync(reminder.Id); // not due yet: nothing happens
        _time.SetUtcNow(reminder.DueAt.AddMinutes(1));
        await SendAsync(reminder.Id);

        var mails = await _smtp.WaitForAsync(2);
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.Subject == $"Request to complete documents in case {c.Number}" && m.Text!.Contains("16 March 2026", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Subject == $"Reminder: deadline for completing documents in case {c.Number}");
    }

    [Fact]
    public async Task A_batch_sends_each_of_its_rows_once_even_when_taken_up_again_after_a_crash()
    {
        var cases = new List<Case>();
        var rows = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var c = await TestCases.SubmitAsync(_services, time: _time);
            cases.Add(c);
            rows.Add((await EmailRowAsync(c.Id, MailTemplate.Receipt)).Id);
        }
        await SendAsync(rows[0]); // already sent by an earlier job
        long[] batch = [.. rows, rows.Max() + 1000]; // and a row that is no longer there

        await BatchAsync(batch);
        await BatchAsync(batch); // Hangfire hands the batch out again (its worker died before it reported back)

        var mails = await _smtp.WaitForAsync(3);
        Assert.Equal(cases.Select(c => c.ContactEmail).Order(), mails.Select(m => m.To).Order());
        foreach (var c in cases)
        {
            Assert.NotNull((await EmailRowAsync(c.Id, MailTemplate.Receipt)).ProcessedAt);
        }
    }

    [Fact]
    public async Task With_the_smtp_server_down_every_message_waits_and_is_delivered_exactly_once_when_it_returns()
    {
        var cases = new List<Case>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await TestCases.SubmitAsync(_services, time: _time));
        }
        var rows = new List<long>();
        foreach (var c in cases)
        {
            rows.Add((await EmailRowAsync(c.Id, MailTemplate.Receipt)).Id);
        }

        await _smtp.StopAsync();
        foreach (var id in rows)
        {
            await SendAsync(id);
        }
        await using (var scope = _services.CreateAsyncScope())
        {
            var failed = await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().OutboxMessages.Where(m => rows.Contains(m.Id)).ToListAsync();
            Assert.All(failed, m =>
            {
                Assert.Null(m.ProcessedAt);
                Assert.Equal(1, m.Attempts);
                Assert.False(string.IsNullOrEmpty(m.LastError));
                Assert.True(m.DueAt > _time.GetUtcNow());
            });
        }

        await _smtp.StartAgainAsync();
        Assert.Equal(0, await SweepAsync()); // the backoff has not passed yet
        _time.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();
        var swept = _jobs.Jobs.Where(j => j.Method.Name == nameof(OutboxBatchJob.SendAsync)).SelectMany(j => (long[])j.Args[0]!).ToList();
        Assert.Equal(rows.Order(), swept.Order());
        // The sweep's jobs and stray duplicates run together: each message still goes once.
        var work = swept.Concat(rows).ToList();
        await Task.WhenAll(work.Select(id => Task.Run(() => SendAsync(id))));
        await Task.WhenAll(work.Select(id => Task.Run(() => SendAsync(id))));

        var mails = await _smtp.WaitForAsync(5);
        Assert.Equal(cases.Select(c => c.ContactEmail).Order(), mails.Select(m => m.To).Order());
    }

    [Fact]
    public async Task A_row_the_sweep_hands_over_that_fails_again_at_once_is_taken_by_the_next_sweep_after_its_backoff()
    {
        var c = await TestCases.SubmitAsync(_services, time: _time);
        var row = await EmailRowAsync(c.Id, MailTemplate.Receipt);
        await _smtp.StopAsync();
        await SendAsync(row.Id); // the first attempt fails: due again in 15 s
        _time.Advance(TimeSpan.FromSeconds(20));

        // A Hangfire worker that runs the job the moment it is enqueued, while the sweep is still at work.
        await using (var scope = _services.CreateAsyncScope())
        {
            var sweep = ActivatorUtilities.CreateInstance<OutboxSweepJob>(scope.ServiceProvider, (IBackgroundJobClient)new ImmediateJobClient(_services));
            await sweep.ExecuteAsync(CancellationToken.None);
        }
        var failedAgain = await EmailRowAsync(c.Id, MailTemplate.Receipt);
        Assert.Equal(2, failedAgain.Attempts);
        Assert.Null(failedAgain.EnqueuedAt); // waiting for the next sweep, not taken for "enqueued" for ten minutes

        await _smtp.StartAgainAsync();
        _time.Advance(TimeSpan.FromMinutes(2));
        _jobs.Clear();
        await SweepAsync();
        Assert.Contains(row.Id, _jobs.Jobs.SelectMany(j => (long[])j.Args[0]!));
    }

    [Fact]
    public async Task Rows_the_sweep_could_not_hand_to_hangfire_are_taken_by_the_next_sweep()
    {
        var c = await TestCases.SubmitAsync(_services, time: _time);
        _time.Advance(TimeSpan.FromMinutes(1)); // past the dispatcher's grace: the sweep takes the case's rows

        await using (var scope = _services.CreateAsyncScope())
        {
            var sweep = ActivatorUtilities.CreateInstance<OutboxSweepJob>(scope.ServiceProvider, (IBackgroundJobClient)new RefusingJobClient());
            await Assert.ThrowsAsync<InvalidOperationException>(() => sweep.ExecuteAsync(CancellationToken.None));
        }
        var receipt = await EmailRowAsync(c.Id, MailTemplate.Receipt);
        Assert.Null(receipt.EnqueuedAt);

        _time.Advance(TimeSpan.FromSeconds(1));
        _jobs.Clear();
        await SweepAsync();
        Assert.Contains(receipt.Id, _jobs.Jobs.SelectMany(j => (long[])j.Args[0]!));
    }

    [Fact]
    public async Task A_recipient_the_mail_server_refuses_is_logged_by_the_refusals_code_without_its_address()
    {
        var log = new WarningLog();
        await using var services = _database.CreateServices(s =>
        {
            s.AddParasolJobs(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:BaseUrl"] = "https://portal.example.test",
                ["BackOffice:BaseUrl"] = "https://backoffice.example.test",
            }).Build());
            s.Replace(ServiceDescriptor.Singleton<IMailDelivery>(new RefusingDelivery()));
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
            s.AddSingleton<IBackgroundJobClient>(_jobs);
            s.AddSingleton<ILoggerProvider>(log);
        });
        var c = await TestCases.SubmitAsync(services, configure: null, _time);
        var row = await EmailRowAsync(c.Id, MailTemplate.Receipt);

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendEmailJob>().ExecuteAsync(row.Id, CancellationToken.None);
        }

        var failure = Assert.Single(log.Entries);
        Assert.Contains("SmtpCommandException RecipientNotAccepted (550)", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(c.ContactEmail!, failure, StringComparison.OrdinalIgnoreCase);
        // The admin page still tells why, from the row.
        Assert.Contains(c.ContactEmail!, (await EmailRowAsync(c.Id, MailTemplate.Receipt)).LastError, StringComparison.Ordinal);
    }

    /// <summary>A mail server refusing the recipient in the words Postfix uses, which echo the address.</summary>
    private sealed class RefusingDelivery : IMailDelivery
    {
        public Task SendAsync(MailContent mail, CancellationToken cancellationToken) =>
            throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
                MailboxAddress.Parse(mail.To), $"5.1.1 <{mail.To}>: Recipient address rejected: User unknown in virtual mailbox table");
    }

    /// <summary>What <see cref="SendEmailJob"/> logs at Warning and above.</summary>
    private sealed class WarningLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public IReadOnlyCollection<string> Entries => _entries;

        public ILogger CreateLogger(string categoryName) => categoryName == typeof(SendEmailJob).FullName ? new Logger(_entries) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(formatter(state, exception) + exception);
        }
    }

    /// <summary>Hangfire's storage refusing every job (its database away for a moment).</summary>
    private sealed class RefusingJobClient : IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) =>
            throw new InvalidOperationException("The job storage is unavailable.");

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => false;
    }

    /// <summary>Runs each outbox batch job on the spot, on the thread that enqueues it, as an idle worker would at once.</summary>
    private sealed class ImmediateJobClient(IServiceProvider services) : IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state)
        {
            var ids = (long[])job.Args[0]!;
            Task.Run(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var batch = scope.ServiceProvider.GetRequiredService<OutboxBatchJob>();
                await (job.Method.Name == nameof(OutboxBatchJob.RouteAsync)
                    ? batch.RouteAsync(ids, CancellationToken.None)
                    : batch.SendAsync(ids, CancellationToken.None));
            }).GetAwaiter().GetResult();
            return "1";
        }

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => true;
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSweepJob>().ExecuteAsync(CancellationToken.None);
    }

    private async Task BatchAsync(long[] ids)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxBatchJob>().SendAsync(ids, CancellationToken.None);
    }

    private async Task SendAsync(long id)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendEmailJob>().ExecuteAsync(id, CancellationToken.None);
    }

    private async Task<OutboxMessage> EmailRowAsync(Guid caseId, MailTemplate template)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.CaseId == caseId && m.Template == template);
    }
}
