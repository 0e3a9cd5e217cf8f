using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IstioTutor.Bot.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The mentor dashboard's options and sign-in; pair with <see cref="DashboardEndpoints.MapMentorDashboard"/>.</summary>
    public static IServiceCollection AddMentorDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MentorAuth>();
        services.AddSingleton<DashboardStylesheet>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SignInRateLimit.Policy, SignInRateLimit.Partition);
            limiter.OnRejected = SignInRateLimit.OnRejectedAsync;
        });
        return services;
    }
}
