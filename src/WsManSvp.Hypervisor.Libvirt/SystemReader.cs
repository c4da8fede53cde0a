using System.Diagnostics;
using WsManSvp.Hypervisor.Libvirt.Native;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>Reads a domain as a <see cref="VirtualSystem"/> (on a worker thread), with the storage pools from <see cref="Pools"/>.</summary>
internal sealed class SystemReader(SystemRecords records, StoragePoolCache pools)
{
    private readonly ParsedDefinitions _parsed = new();

    public StoragePoolCache Pools => pools;

    public VirtualSystem Read(ConnectHandle conn, DomainHandle domain)
    {
        var facts = pools.Facts(conn);
        var id = Domains.Id(domain);
        var state = Domains.State(domain);
        var inactiveXml = Domains.Xml(domain, Virt.DomainXmlInactive);
        // The live XML of a running domain always differs (ids, aliases) but names the same images: each is looked up once.
        var capacities = new Dictionary<string, long>(StringComparer.Ordinal);
        var definition = Definition(conn, id, live: false, inactiveXml, facts, capacities);
        var activeXml = state switch
        {
            _ when Domains.IsActive(state) => Domains.Xml(domain, 0),
            SystemState.Saved => Domains.ManagedSaveXml(domain) ?? inactiveXml,
            _ => null,
        };
        return new VirtualSystem(id, state, records.Since(id, state), definition)
        {
            ActiveDefinition = activeXml is null ? null : activeXml == inactiveXml ? definition : Definition(conn, id, live: true, activeXml, facts, capacities),
        };
    }

    /// <summary>A domain at hand, or null when it is gone (undefined since it was looked up, or a transient one stopped).</summary>
    public VirtualSystem? TryRead(ConnectHandle conn, DomainHandle domain)
    {
        try { return Read(conn, domain); }
        catch (HypervisorException e) when (e.Error == HypervisorError.NotFound)
        {
            return null;
        }
    }

    /// <summary>The system with this identity, or null.</summary>
    public VirtualSystem? Find(ConnectHandle conn, Guid id)
    {
        using var domain = Domains.Find(conn, id);
        return domain is null ? null : Read(conn, domain);
    }

    /// <summary>The system read now, with the instant the read started.</summary>
    public ObservedSystem Observe(ConnectHandle conn, Guid id)
    {
        var readAt = Stopwatch.GetTimestamp();
        return new ObservedSystem(readAt, Find(conn, id));
    }

    /// <summary><see cref="Observe(ConnectHandle, Guid)"/> of a domain at hand.</summary>
    public ObservedSystem Observe(ConnectHandle conn, DomainHandle domain)
    {
        var readAt = Stopwatch.GetTimestamp();
        return new ObservedSystem(readAt, TryRead(conn, domain));
    }

    /// <summary>Every system, in order.</summary>
    public VirtualSystem[] ReadAll(ConnectHandle conn)
    {
        var domains = Domains.ListAll(conn);
        try { return domains.Select(d => Read(conn, d)).OrderBy(s => s.Id).ToArray(); }
        finally { foreach (var domain in domains) domain.Dispose(); }
    }

    /// <summary>A definition from domain XML, each disk's capacity from its storage volume (looked up once per path in <paramref name="capacities"/>).</summary>
    private SystemDefinition Definition(ConnectHandle conn, Guid id, bool live, string xml, IReadOnlyList<StoragePoolFacts> pools, Dictionary<string, long> capacities)
    {
        var definition = _parsed.Read(id, live, xml, pools);
        return definition with
        {
            Disks = definition.Disks.Select(d =>
            {
                if (!capacities.TryGetValue(d.Path, out var capacity)) capacities[d.Path] = capacity = StoragePools.Capacity(conn, d.Path);
                return d with { CapacityBytes = capacity };
            }).ToArray(),
        };
    }
}
