using System.ComponentModel.DataAnnotations;

namespace IstioTutor.Core.Progress;

/// <summary>
/// The <c>Tutor</c> section of appsettings.json: the data directory and who is given which role on first
/// contact. It lives with progress, which assigns the roles; the host reads the data directory from it.
/// </summary>
public sealed class TutorOptions
{
    public const string Section = "Tutor";

    /// <summary>
    /// Where LiteDB files and sandbox state live. Overridden by <c>--data</c> and then by
    /// <c>ISTIOTUTOR_DATA</c>; relative paths are resolved against the current directory.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "istiotutor-data";

    /// <summary>Door user ids (e.g. "terminal:alice") given the mentor role on first contact.</summary>
    public List<string> Mentors { get; set; } = [];

    /// <summary>Door user ids given the admin role on first contact.</summary>
    public List<string> Admins { get; set; } = [];
}
