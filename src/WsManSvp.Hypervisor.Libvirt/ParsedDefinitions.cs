using System.Collections.Concurrent;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// Domain XML parsed before, by domain and kind (inactive or live): libvirt hands back the same document until
/// the domain changes, and parsing is most of what reading a domain costs (about 20 µs a document), so an
/// unchanged document, read with the same storage pools, is not parsed again.
/// </summary>
internal sealed class ParsedDefinitions
{
    /// <summary>A bound, not an eviction policy: entries are cheap to rebuild, and domains come and go.</summary>
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<(Guid Id, bool Live), Entry> _entries = new();

    public SystemDefinition Read(Guid id, bool live, string xml, IReadOnlyList<StoragePoolFacts> pools)
    {
        if (_entries.TryGetValue((id, live), out var known) && known.Xml == xml && (ReferenceEquals(known.Pools, pools) || known.Pools.SequenceEqual(pools)))
            return known.Definition;
        var definition = DomainXml.Read(xml, pools);
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[(id, live)] = new Entry(xml, pools, definition);
        return definition;
    }

    private sealed record Entry(string Xml, IReadOnlyList<StoragePoolFacts> Pools, SystemDefinition Definition);
}
