namespace IstioTutor.Mesh.Validation;

/// <summary>The webhook rules of one Istio kind, applied to its <c>spec</c>.</summary>
internal interface IKindRules
{
    string Kind { get; }

    void Validate(Field spec, ResourceIdentity identity);
}
