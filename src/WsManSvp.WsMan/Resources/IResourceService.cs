using System.Xml;
using WsManSvp.Cim.Xml;

namespace WsManSvp.WsMan.Resources;

/// <summary>A filter the resource layer understood; opaque to the protocol layer.</summary>
public interface IEnumerationFilter;

/// <summary>A custom action with its input, read and checked; opaque to the protocol layer.</summary>
public interface IMethodCall;

/// <summary>The new representation a Put carries, read and checked; opaque to the protocol layer.</summary>
public interface IResourceUpdate;

/// <summary>The options of an Enumerate that shape its items.</summary>
public sealed record EnumerationRequest(EnumerationMode Mode, IEnumerationFilter? Filter, string? PolymorphismMode);

/// <summary>
/// A stream of enumeration items, read one at a time across Enumerate and Pull requests. The current
/// item stays current until <see cref="MoveNextAsync"/> is called again, so an item that did not fit a
/// reply goes out in the next one.
/// </summary>
public interface IEnumerationSource : IAsyncDisposable
{
    ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken);

    void WriteCurrent(Utf8XmlWriter writer, EnumerationMode mode);
}

/// <summary>
/// What the protocol layer asks of the resources it exposes; the CIM binding (DSP0227) implements it.
/// Failures are WS-Man faults (<see cref="Faults.WsManFaultException"/>).
/// </summary>
public interface IResourceService
{
    /// <summary>Faults with DestinationUnreachable (InvalidResourceURI) unless the URI names something served here.</summary>
    void CheckResourceUri(string? resourceUri);

    /// <summary>Writes the representation (or the fragment) of the addressed resource.</summary>
    ValueTask GetAsync(ResourceRequest request, FragmentExpression? fragment, Utf8XmlWriter body);

    /// <summary>Reads a wsman:Filter (the reader is on it; the method consumes it).</summary>
    IEnumerationFilter ReadFilter(ResourceRequest request, string? dialect, XmlReader filter);

    ValueTask<IEnumerationSource> EnumerateAsync(ResourceRequest request, EnumerationRequest enumeration);

    /// <summary>
    /// Reads a custom action (a CIM method: Action = class URI + "/" + method) and its input from the body
    /// (the reader is on its first element, or at its end); faults ActionNotSupported for anything else.
    /// </summary>
    IMethodCall ReadMethodCall(ResourceRequest request, string action, XmlReader body);

    /// <summary>Runs a call read by <see cref="ReadMethodCall"/> and writes its output element.</summary>
    ValueTask InvokeAsync(ResourceRequest request, IMethodCall call, Utf8XmlWriter output);

    /// <summary>
    /// Reads the new representation of the addressed resource that a Put carries (the reader is on the body's
    /// element; the method consumes it) and checks it against the resource. Nothing changes yet: the protocol
    /// layer reads the rest of the envelope first.
    /// </summary>
    IResourceUpdate ReadPut(ResourceRequest request, XmlReader body);

    /// <summary>Applies an update read by <see cref="ReadPut"/> and writes the representation as it now is.</summary>
    ValueTask PutAsync(ResourceRequest request, IResourceUpdate update, Utf8XmlWriter body);

    /// <summary>No resource here is created or deleted through WS-Transfer: the ActionNotSupported fault that says why for this one.</summary>
    Faults.WsManFault RefuseCreateOrDelete(string resourceUri, string action);
}
