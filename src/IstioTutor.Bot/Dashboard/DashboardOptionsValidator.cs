using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Dashboard;

/// <summary>A short mentor token is refused at start-up: it would be guessable.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        if (options.MentorToken is { Length: > 0 } token && token.Length < DashboardOptions.MinTokenLength)
        {
            return ValidateOptionsResult.Fail(
                $"Dashboard:MentorToken is {token.Length} characters; use at least {DashboardOptions.MinTokenLength} (e.g. `openssl rand -hex 24`).");
        }

        if (options.SignInAttemptsPerMinute is < 1 or > 1000)
        {
            return ValidateOptionsResult.Fail($"Dashboard:SignInAttemptsPerMinute is {options.SignInAttemptsPerMinute}; use 1 to 1000.");
        }

        return options.SessionHours is < 1 or > 24 * 30
            ? ValidateOptionsResult.Fail("Dashboard:SessionHours must be between 1 and 720.")
            : ValidateOptionsResult.Success;
    }
}
