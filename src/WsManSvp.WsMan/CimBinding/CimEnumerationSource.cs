using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// Enumeration items streamed from the CIM layer. The stream lives as long as the enumeration context,
/// not the request that opened it, so it runs under its own cancellation.
/// </summary>
internal sealed class CimEnumerationSource : IEnumerationSource
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly IAsyncEnumerator<CimInstance> _items;
    private readonly ResourceUriScheme _scheme;
    private readonly ItemShape _shape;
    private CimInstance? _current;

    // A read a Pull stopped waiting for at its deadline; the next Pull resumes it rather than losing it.
    private Task<bool>? _inFlight;

    public CimEnumerationSource(Func<CimCallContext, IAsyncEnumerable<CimInstance>> open, string? user, ResourceUriScheme scheme, ItemShape shape)
    {
        _scheme = scheme;
        _shape = shape;
        _items = open(new CimCallContext(user, _lifetime.Token)).GetAsyncEnumerator(_lifetime.Token);
    }

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_inFlight is null)
            {
                var next = _items.MoveNextAsync();
                if (next.IsCompletedSuccessfully) return Advance(next.Result);
                _inFlight = next.AsTask();
            }
            var read = _inFlight;
            try
            {
                return Advance(await read.WaitAsync(cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                if (read.IsCompleted) _inFlight = null;
            }
        }
        catch (CimException e) { throw e.ToFault(); }
    }

    private bool Advance(bool has)
    {
        _current = has ? _items.Current : null;
        return has;
    }

    public void WriteCurrent(Utf8XmlWriter writer, EnumerationMode mode)
    {
        var instance = _current ?? throw new InvalidOperationException("No current item.");
        switch (mode)
        {
            case EnumerationMode.EnumerateEPR:
                CimXmlWriter.WriteEndpointReference(writer, instance.GetPath(), _scheme);
                break;
            case EnumerationMode.EnumerateObjectAndEPR:
                writer.Start("wsman:Item"u8);
                _shape.Write(writer, instance, _scheme);
                CimXmlWriter.WriteEndpointReference(writer, instance.GetPath(), _scheme);
                writer.End("wsman:Item"u8);
                break;
            default:
                _shape.Write(writer, instance, _scheme);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            await _items.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or NotSupportedException)
        {
            // a read abandoned by a timed-out Pull may still be in flight; the stream is discarded either way
        }
        _lifetime.Dispose();
    }
}
