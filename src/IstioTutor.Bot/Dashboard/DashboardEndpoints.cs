using IstioTutor.Bot.Hosting;
using IstioTutor.Core.Labs;
using IstioTutor.Core.Progress;
using IstioTutor.Core.Progress.Cohorts;
using IstioTutor.Core.Progress.Reports;
using IstioTutor.Core.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IstioTutor.Bot.Dashboard;

/// <summary>
/// The mentor dashboard under <c>/mentor</c>. Every page but sign-in requires the mentor token: pages
/// redirect to sign-in, CSV and JSON answer 401 (scripts send <c>Authorization: Bearer TOKEN</c>).
/// </summary>
public static class DashboardEndpoints
{
    public const string Root = "/mentor";

    public static IEndpointRouteBuilder MapMentorDashboard(this IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup(Root);
        open.MapGet("/dashboard.css", (DashboardStylesheet css) => css.Serve());
        open.MapGet("/signin", (MentorAuth auth) => auth.Enabled ? Html(DashboardPages.SignIn(null)) : Html(DashboardPages.Disabled(), StatusCodes.Status503ServiceUnavailable));
        open.MapPost("/signin", async (HttpContext http, MentorAuth auth) =>
        {
            if (!auth.Enabled)
            {
                return Html(DashboardPages.Disabled(), StatusCodes.Status503ServiceUnavailable);
            }

            IFormCollection? form;
            try
            {
                form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            }
            catch (Exception e) when (RequestBodyLimit.IsExceeded(e))
            {
                return RequestBodyLimit.Form.TooLarge();
            }

            if (!auth.TokenMatches(form?["token"].ToString()))
            {
                return Html(DashboardPages.SignIn("That token is not the mentor token. Check Dashboard:MentorToken and try again."), StatusCodes.Status401Unauthorized);
            }

            auth.SignIn(http);
            return Results.Redirect(Root);
        }).DisableAntiforgery().RequireRateLimiting(SignInRateLimit.Policy).WithMetadata(RequestBodyLimit.Form);
        open.MapPost("/signout", (HttpContext http) =>
        {
            MentorAuth.SignOut(http);
            return Results.Redirect($"{Root}/signin");
        }).DisableAntiforgery().WithMetadata(RequestBodyLimit.Form);

        var mentors = endpoints.MapGroup(Root).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var auth = http.RequestServices.GetRequiredService<MentorAuth>();
            if (auth.IsAuthenticated(http))
            {
                http.Response.Headers.CacheControl = "no-store";
                return await next(context);
            }

            var path = http.Request.Path.Value ?? "";
            var wantsData = path.EndsWith(".csv", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal) ||
                            http.Request.Headers.Authorization.Count > 0;
            if (wantsData)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"istiotutor-mentor\"";
                return Results.Problem("A valid mentor token is required: send Authorization: Bearer TOKEN.", statusCode: StatusCodes.Status401Unauthorized);
            }

            return Results.Redirect($"{Root}/signin");
        });

        mentors.MapGet("/", (ICohortStore cohorts, ProgressReporter reporter) =>
            Html(DashboardPages.Cohorts([.. cohorts.All().Select(c => (c, reporter.ForCohort(c.Name)!))])));
        mentors.MapGet("/cohorts/{name}", (string name, ICohortStore cohorts, ProgressReporter reporter, IProgressSummaries summaries, LabCatalog labs) =>
            cohorts.Find(name) is { } c && reporter.ForCohort(c.Name) is { } report
                ? Html(DashboardPages.Cohort(c, report, LabMatrix.For(report, summaries, labs)))
                : Html(DashboardPages.NotFound($"No cohort named {name}."), 404));
        mentors.MapGet("/cohorts/{name}/report.csv", (string name, ProgressReporter reporter) =>
            reporter.ForCohort(name) is { } r
                ? Results.Text(CohortCsv.Write(r), "text/csv; charset=utf-8")
                : Results.Problem($"No cohort named {name}.", statusCode: 404));
        mentors.MapGet("/cohorts/{name}/report.json", (string name, ProgressReporter reporter) =>
            reporter.ForCohort(name) is { } r ? Results.Json(r, ReportJson.Indented) : Results.Problem($"No cohort named {name}.", statusCode: 404));
        mentors.MapGet("/learners/{id}", (string id, ILearnerStore learners, IProgressSummaries summaries, IProgressLog log, ProgressReporter reporter) =>
            learners.Find(id) is { } learner && reporter.ForLearner(id) is { } row && summaries.Get(id) is { } progress
                ? Html(DashboardPages.Learner(learner, row, progress, log.ForLearner(id, 100)))
                : Html(DashboardPages.NotFound($"No learner {id}."), 404));
        return endpoints;
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
