using WsManSvp.Hypervisor.Libvirt.Native;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>Reads a domain as a <see cref="VirtualSystem"/> (on a worker thread).</summary>
internal sealed class SystemReader(SystemRecords records)
{
    public VirtualSystem Read(ConnectHandle conn, DomainHandle domain, IReadOnlyList<StoragePoolFacts> pools)
    {
        var id = Domains.Id(domain);
        var state = Domains.State(domain);
        var inactiveXml = Domains.Xml(domain, Virt.DomainXmlInactive);
        var definition = Definition(conn, inactiveXml, pools);
        var activeXml = state switch
        {
            _ when Domains.IsActive(state) => Domains.Xml(domain, 0),
            SystemState.Saved => Domains.ManagedSaveXml(domain) ?? inactiveXml,
            _ => null,
        };
        return new VirtualSystem(id, state, records.Since(id, state), definition)
        {
            ActiveDefinition = activeXml is null ? null : activeXml == inactiveXml ? definition : Definition(conn, activeXml, pools),
        };
    }

    /// <summary>The system with this identity, or null.</summary>
    public VirtualSystem? Find(ConnectHandle conn, Guid id, IReadOnlyList<StoragePoolFacts>? pools = null)
    {
        using var domain = Domains.Find(conn, id);
        return domain is null ? null : Read(conn, domain, pools ?? StoragePools.Facts(conn));
    }

    public VirtualSystem Require(ConnectHandle conn, Guid id) =>
        Find(conn, id) ?? throw new HypervisorException(HypervisorError.NotFound, $"No system with UUID {id} is defined.");

    /// <summary>The UUIDs of every domain, in order.</summary>
    public static Guid[] Ids(ConnectHandle conn)
    {
        var domains = Domains.ListAll(conn);
        try { return domains.Select(Domains.Id).Order().ToArray(); }
        finally { foreach (var domain in domains) domain.Dispose(); }
    }

    /// <summary>Every system, in order.</summary>
    public VirtualSystem[] ReadAll(ConnectHandle conn, IReadOnlyList<StoragePoolFacts>? pools = null)
    {
        pools ??= StoragePools.Facts(conn);
        var domains = Domains.ListAll(conn);
        try { return domains.Select(d => Read(conn, d, pools)).OrderBy(s => s.Id).ToArray(); }
        finally { foreach (var domain in domains) domain.Dispose(); }
    }

    /// <summary>A definition from domain XML, each disk's capacity from its storage volume.</summary>
    public static SystemDefinition Definition(ConnectHandle conn, string xml, IReadOnlyList<StoragePoolFacts> pools)
    {
        var definition = DomainXml.Read(xml, pools);
        return definition with { Disks = definition.Disks.Select(d => d with { CapacityBytes = StoragePools.Capacity(conn, d.Path) }).ToArray() };
    }
}
