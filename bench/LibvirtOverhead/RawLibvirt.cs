using System.Text;
using WsManSvp.Hypervisor.Libvirt.Native;

namespace LibvirtOverhead;

/// <summary>
/// The raw side: the libvirt calls the adapter makes for an operation, through its own P/Invokes, on the
/// calling thread, on a connection of its own. Strings libvirt returns are freed, not decoded or parsed:
/// that (and everything else managed) is the service's share.
/// </summary>
internal sealed class RawLibvirt : IDisposable
{
    private readonly ConnectHandle _conn;
    private readonly Dictionary<Guid, IReadOnlyList<string>> _disks;

    public RawLibvirt(string uri, IEnumerable<BenchDomain> domains)
    {
        _conn = Virt.ConnectOpen(uri);
        if (_conn.IsInvalid) throw LibvirtErrors.Last($"Connecting to {uri}");
        // The adapter finds a domain's images by parsing its XML; the bench knows them from the node file.
        _disks = domains.ToDictionary(d => d.Id, d => d.DiskPaths);
    }

    /// <summary>
    /// What GetSystemAsync calls: SystemReader.Find. The storage pools come from the adapter's cache (read at
    /// most every 5 s: once per thousands of iterations, left out here).
    /// </summary>
    public void Get(Guid id)
    {
        using var domain = Lookup(id);
        Read(domain);
    }

    /// <summary>What ListSystemsAsync calls: every domain listed with its UUID, then each read from the handle listed (pools cached).</summary>
    public int Enumerate()
    {
        var count = Check(Virt.ConnectListAllDomains(_conn, out var array, 0), "virConnectListAllDomains");
        var listed = LibvirtHandle.TakeArray<DomainHandle>(array, count);
        try
        {
            foreach (var domain in listed.OrderBy(Id)) Read(domain);
            return listed.Length;
        }
        finally
        {
            foreach (var domain in listed) domain.Dispose();
        }
    }

    public DomainHandle Lookup(Guid id) => Check(Virt.DomainLookupByUuidString(_conn, id.ToString("D")), "virDomainLookupByUUIDString");

    public static void Suspend(DomainHandle domain) => Check(Virt.DomainSuspend(domain), "virDomainSuspend");

    public static void Resume(DomainHandle domain) => Check(Virt.DomainResume(domain), "virDomainResume");

    public void Dispose() => _conn.Dispose();

    /// <summary>SystemReader.Read: UUID, state, inactive XML and its disks' volumes; the live XML when active (same images, not looked up again).</summary>
    private void Read(DomainHandle domain)
    {
        var id = Id(domain);
        Check(Virt.DomainGetState(domain, out var state, out _, 0), "virDomainGetState");
        if (state == Virt.StateShutoff) Check(Virt.DomainHasManagedSaveImage(domain, 0), "virDomainHasManagedSaveImage");
        Free(Virt.DomainGetXmlDesc(domain, Virt.DomainXmlInactive), "virDomainGetXMLDesc");
        ReadVolumes(id);
        if (state is Virt.StateRunning or Virt.StateBlocked or Virt.StatePaused or Virt.StatePmSuspended or Virt.StateShutdown)
        {
            Free(Virt.DomainGetXmlDesc(domain, 0), "virDomainGetXMLDesc");
        }
    }

    /// <summary>StoragePools.Capacity for each disk.</summary>
    private void ReadVolumes(Guid id)
    {
        foreach (var path in _disks[id])
        {
            using var volume = Check(Virt.StorageVolLookupByPath(_conn, path), "virStorageVolLookupByPath");
            Check(Virt.StorageVolGetInfo(volume, out _), "virStorageVolGetInfo");
        }
    }

    private static unsafe Guid Id(DomainHandle domain)
    {
        var buffer = stackalloc byte[Virt.UuidStringLength];
        Check(Virt.DomainGetUuidString(domain, buffer), "virDomainGetUUIDString");
        return Guid.Parse(Encoding.ASCII.GetString(buffer, Virt.UuidStringLength - 1));
    }

    private static void Free(IntPtr text, string call)
    {
        if (text == IntPtr.Zero) throw LibvirtErrors.Last(call);
        LibC.Free(text);
    }

    private static int Check(int result, string call) => result >= 0 ? result : throw LibvirtErrors.Last(call);

    private static T Check<T>(T handle, string call) where T : LibvirtHandle => LibvirtErrors.Check(handle, call);
}
