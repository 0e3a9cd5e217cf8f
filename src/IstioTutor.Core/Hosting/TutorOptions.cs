using System.ComponentModel.DataAnnotations;
using IstioTutor.Mesh.Hosting;

namespace IstioTutor.Core.Hosting;

/// <summary>The <c>Tutor</c> section of appsettings.json.</summary>
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
