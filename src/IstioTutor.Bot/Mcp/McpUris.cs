namespace IstioTutor.Bot.Mcp;

/// <summary>The URIs of the tutor's MCP resources: lessons by language and id, labs by id.</summary>
public static class McpUris
{
    public const string LessonTemplate = "istiotutor://lessons/{lang}/{id}";

    public const string LabTemplate = "istiotutor://labs/{id}";

    public const string LessonIndex = "istiotutor://lessons";

    public const string LabIndex = "istiotutor://labs";

    public static string Lesson(string lang, string id) => $"istiotutor://lessons/{lang}/{id}";

    public static string Lab(string id) => $"istiotutor://labs/{id}";
}
