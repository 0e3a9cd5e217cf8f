namespace IstioTutor.Sandbox.Api;

/// <summary>
/// The <c>fieldValidation</c> query parameter: Strict refuses unknown fields (kubectl 1.32 sends it by
/// default), Warn reports them as warnings (the server's default), Ignore drops them silently. Unknown
/// fields are pruned from what is stored unless the write is refused.
/// </summary>
internal enum FieldValidation
{
    Ignore,
    Warn,
    Strict,
}
