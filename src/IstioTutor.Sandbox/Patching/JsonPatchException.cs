namespace IstioTutor.Sandbox.Patching;

/// <summary>A JSON patch that cannot be applied; the message names the operation and path.</summary>
internal sealed class JsonPatchException : Exception
{
    public JsonPatchException()
    {
    }

    public JsonPatchException(string message)
        : base(message)
    {
    }

    public JsonPatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
