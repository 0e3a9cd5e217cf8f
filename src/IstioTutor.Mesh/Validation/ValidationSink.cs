using IstioTutor.Mesh.Cluster;

namespace IstioTutor.Mesh.Validation;

/// <summary>Collects the errors and warnings of one validation run, in the order they were found.</summary>
internal sealed class ValidationSink
{
    private readonly List<FieldCause> _errors = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<FieldCause> Errors => _errors;

    public IReadOnlyList<string> Warnings => _warnings;

    public void Error(string path, string message) => _errors.Add(new FieldCause(path, message));

    public void Warn(string path, string message) => _warnings.Add($"{path}: {message}");

    public ValidationOutcome ToOutcome() => _errors.Count == 0 && _warnings.Count == 0 ? ValidationOutcome.Valid : new ValidationOutcome([.. _errors], [.. _warnings]);
}
