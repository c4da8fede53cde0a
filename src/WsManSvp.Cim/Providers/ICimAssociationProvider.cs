using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Providers;

/// <summary>
/// A provider of association classes that can answer "which of my instances refer to this object"
/// directly (OMI's ReferenceInstances), instead of the CIM layer enumerating every instance and filtering.
/// </summary>
public interface ICimAssociationProvider : ICimProvider
{
    /// <summary>
    /// The instances of exactly <paramref name="cls"/> with a reference to <paramref name="target"/> in the
    /// property <paramref name="role"/>, or in any reference property when it is null.
    /// </summary>
    IAsyncEnumerable<CimInstance> ReferencesAsync(ProvidedClass cls, CimObjectPath target, string? role, CimCallContext context);
}
