using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Providers;

/// <summary>A class a provider serves instances of, in one namespace.</summary>
public readonly record struct ProvidedClass(string Namespace, string ClassName);

/// <summary>Who asks, and until when.</summary>
public sealed record CimCallContext(string? UserName, CancellationToken CancellationToken);

/// <summary>What a method returns: its return value and its OUT parameters.</summary>
public sealed record CimMethodResult(CimValue ReturnValue, IReadOnlyDictionary<string, CimValue> OutParameters)
{
    public static CimMethodResult Of(CimValue returnValue) =>
        new(returnValue, new Dictionary<string, CimValue>(StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// The CIM provider contract, shaped like OMI's provider table: one provider serves a family of classes
/// (exactly those in <see cref="Classes"/>, not their subclasses); the CIM layer routes to it and does
/// polymorphism, key checking and XML. Errors are <see cref="CimException"/>.
/// </summary>
public interface ICimProvider
{
    IReadOnlyList<ProvidedClass> Classes { get; }

    /// <summary>The instance at <paramref name="path"/> (all keys given, class one of <see cref="Classes"/>), or null.</summary>
    ValueTask<CimInstance?> GetInstanceAsync(CimObjectPath path, CimCallContext context);

    /// <summary>Every instance of exactly <paramref name="cls"/>, streamed as built.</summary>
    IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context);

    /// <summary>
    /// An extrinsic method on the instance at <paramref name="target"/>, arguments already typed. A string parameter
    /// that carries embedded instances arrives as <see cref="CimType.Instance"/> values (see <see cref="CimParameter.CarriesInstance"/>).
    /// </summary>
    ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context);

    /// <summary>
    /// Modifies an existing instance (OMI's ModifyInstance, WS-Transfer Put): <paramref name="modified"/> is of exactly one
    /// of <see cref="Classes"/>, its keys name the instance, and the provider applies the non-key properties it
    /// reports as specified (<see cref="CimInstance.IsSpecified(CimProperty)"/>: the client sent them, perhaps as NULL;
    /// the others are to stay as they are). Returns the instance as it now is. A class whose instances cannot be
    /// modified: <see cref="CimStatus.NotSupported"/>; a property that cannot be set: <see cref="CimStatus.InvalidParameter"/>.
    /// </summary>
    ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context);
}
