using IstioTutor.Core.Turns;
using Microsoft.Extensions.Options;

namespace IstioTutor.Core.Progress.Stages;

/// <summary>
/// Fails start-up when <see cref="ProgressOptions.CoreLabs"/> names a stage that does not exist or a lab the
/// catalogue does not have: a typo there would otherwise block every learner's promotion silently.
/// </summary>
public sealed class CoreLabsValidator(ILabRoster? roster = null) : IValidateOptions<ProgressOptions>
{
    public ValidateOptionsResult Validate(string? name, ProgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var known = (roster?.Labs ?? []).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (stage, ids) in options.CoreLabs)
        {
            if (!StageNames.TryParse(stage, out _))
            {
                errors.Add($"Progress:CoreLabs has a list for '{stage}', which is not a stage; use beginner, intermediate or advanced.");
            }

            // Without a lab catalogue (a host that does not add labs) ids cannot be checked, only stages.
            foreach (var id in ids.Where(id => known.Count > 0 && !known.Contains(id)))
            {
                errors.Add($"Progress:CoreLabs:{stage} names the lab '{id}', which is not in the catalogue; known labs: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
