using IstioTutor.Bot.Hosting;
using IstioTutor.Bot.Dashboard;
using IstioTutor.Core.Hosting;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Turns;
using IstioTutor.Mesh.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IstioTutor.Bot.Tests.Dashboard;

/// <summary>
/// A real web host on 127.0.0.1:0 with the tutor (LiteDB in a fresh directory) and the mentor
/// dashboard, seeded with a cohort of three learners whose progress came in through the real stores.
/// </summary>
public sealed class DashboardHostFixture : IAsyncLifetime
{
    public const string Token = "mentor-token-for-tests-0123456789";
    public const string Cohort = "platform-team";
    /// <summary>A cohort whose every lab pass fell on one day.</summary>
    public const string OneDayCohort = "one-day-team";

    private readonly string _data = Directory.CreateTempSubdirectory("istiotutor-dashboard-").FullName;

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tutor:DataDirectory"] = _data,
            ["Dashboard:MentorToken"] = Token,
            // Every browser and access test signs in from 127.0.0.1; the default 10 a minute refused the
            // eleventh and left its page on the sign-in form. The limit itself is proven by SignInRateLimitTests.
            ["Dashboard:SignInAttemptsPerMinute"] = "1000",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddIstioTutor(builder.Configuration, _data).AddMentorDashboard(builder.Configuration);
        App = builder.Build();
        App.UseSecurityHeaders();
        App.UseRateLimiter();
        App.MapMentorDashboard();
        await App.StartAsync();
        BaseAddress = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        Seed();
    }

    private void Seed()
    {
        var learners = App.Services.GetRequiredService<ILearnerStore>();
        var log = App.Services.GetRequiredService<IProgressLog>();
        var cohorts = App.Services.GetRequiredService<ICohortStore>();
        cohorts.Create(Cohort, "mentor");
        var now = DateTimeOffset.UtcNow;
        var ada = learners.Resolve(Door.Teams, "29:ada", "Ada Lovelace");
        var bo = learners.Resolve(Door.Slack, "U-BO", "Bo");
        var cy = learners.Resolve(Door.Web, "cookie-cy", "=HYPERLINK(\"x\")");
        foreach (var l in new[] { ada, bo, cy })
        {
            cohorts.AddMember(Cohort, l.Id);
        }

        learners.Save(learners.Find(bo.Id)! with { Stage = Stage.Intermediate });
        log.Record(new ProgressEvent(ada.Id, ProgressEventKind.LessonFinished, "architecture", Door.Teams, now.AddDays(-3)));
        log.Record(new ProgressEvent(ada.Id, ProgressEventKind.QuizCompleted, "architecture", Door.Teams, now.AddDays(-3), Score: 0.9));
        log.Record(new ProgressEvent(ada.Id, ProgressEventKind.LabChecked, "sidecar-injection", Door.Teams, now.AddDays(-2), Passed: true));
        log.Record(new ProgressEvent(bo.Id, ProgressEventKind.LabChecked, "sidecar-injection", Door.Slack, now.AddDays(-1), Passed: true));
        log.Record(new ProgressEvent(bo.Id, ProgressEventKind.QuizCompleted, "virtualservice-basics", Door.Slack, now.AddDays(-1), Score: 0.5));
        for (var i = 0; i < 3; i++)
        {
            log.Record(new ProgressEvent(cy.Id, ProgressEventKind.LabChecked, "traffic-shifting", Door.Web, now, Passed: false, Detail: "weights add up to 90"));
        }

        cohorts.Create(OneDayCohort, "mentor");
        var dee = learners.Resolve(Door.Web, "cookie-dee", "Dee");
        cohorts.AddMember(OneDayCohort, dee.Id);
        log.Record(new ProgressEvent(dee.Id, ProgressEventKind.LabChecked, "mtls-strict", Door.Web, now, Passed: true));
        log.Record(new ProgressEvent(dee.Id, ProgressEventKind.LabChecked, "authz-policy", Door.Web, now, Passed: true));

        AdaId = ada.Id;
        CyId = cy.Id;
    }

    public string AdaId { get; private set; } = "";

    public string CyId { get; private set; } = "";

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
