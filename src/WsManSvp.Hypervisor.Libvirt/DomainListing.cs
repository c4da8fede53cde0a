using WsManSvp.Hypervisor.Libvirt.Native;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// Every domain as listed once, in UUID order, with its handle kept so an enumeration reads each batch
/// without looking the domains up again (on workers; the caller disposes it).
/// </summary>
internal sealed class DomainListing : IDisposable
{
    private readonly ConnectHandle _listedOn;
    private readonly (Guid Id, DomainHandle Domain)[] _domains;

    private DomainListing(ConnectHandle listedOn, (Guid, DomainHandle)[] domains)
    {
        _listedOn = listedOn;
        _domains = domains;
    }

    public int Count => _domains.Length;

    public static DomainListing Take(ConnectHandle conn)
    {
        var domains = Domains.ListAll(conn);
        try { return new DomainListing(conn, domains.Select(d => (Domains.Id(d), d)).OrderBy(d => d.Item1).ToArray()); }
        catch
        {
            foreach (var domain in domains) domain.Dispose();
            throw;
        }
    }

    /// <summary>Reads the domains from <paramref name="start"/> on; one undefined since the listing is left out.</summary>
    public VirtualSystem[] Read(ConnectHandle conn, SystemReader reader, int start, int count) =>
        _domains.Skip(start).Take(count)
            // After a reconnect the handles belong to the closed connection: the domains are looked up again.
            .Select(d => conn == _listedOn ? reader.TryRead(conn, d.Domain) : reader.Find(conn, d.Id))
            .OfType<VirtualSystem>().ToArray();

    public void Dispose()
    {
        foreach (var (_, domain) in _domains) domain.Dispose();
    }
}
