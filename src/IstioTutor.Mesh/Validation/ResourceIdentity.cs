namespace IstioTutor.Mesh.Validation;

/// <summary>The name and namespace of the object under validation: some Istio messages quote them.</summary>
internal sealed record ResourceIdentity(string Name, string Namespace);
