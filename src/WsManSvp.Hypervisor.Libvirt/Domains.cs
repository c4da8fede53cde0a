using System.Runtime.InteropServices;
using System.Text;
using WsManSvp.Hypervisor.Libvirt.Native;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>Synchronous domain calls (made on a worker thread), with libvirt's results turned into the contract's terms.</summary>
internal static class Domains
{
    public static DomainHandle? Find(ConnectHandle conn, Guid id)
    {
        var domain = Virt.DomainLookupByUuidString(conn, id.ToString("D"));
        if (!domain.IsInvalid) return domain;
        domain.Dispose();
        if (LibvirtErrors.LastIsNotFound())
        {
            Virt.ResetLastError();
            return null;
        }
        throw LibvirtErrors.Last($"Looking up system {id}");
    }

    public static DomainHandle Require(ConnectHandle conn, Guid id) =>
        Find(conn, id) ?? throw new HypervisorException(HypervisorError.NotFound, $"No system with UUID {id} is defined.");

    public static bool NameExists(ConnectHandle conn, string name)
    {
        using var domain = Virt.DomainLookupByName(conn, name);
        if (!domain.IsInvalid) return true;
        if (!LibvirtErrors.LastIsNotFound()) throw LibvirtErrors.Last($"Looking up system '{name}'");
        Virt.ResetLastError();
        return false;
    }

    public static DomainHandle[] ListAll(ConnectHandle conn)
    {
        var count = LibvirtErrors.Check(Virt.ConnectListAllDomains(conn, out var array, 0), "Listing the systems");
        return LibvirtHandle.TakeArray<DomainHandle>(array, count);
    }

    public static unsafe Guid Id(DomainHandle domain)
    {
        var buffer = stackalloc byte[Virt.UuidStringLength];
        LibvirtErrors.Check(Virt.DomainGetUuidString(domain, buffer), "Reading a system's UUID");
        return Guid.Parse(Encoding.ASCII.GetString(buffer, Virt.UuidStringLength - 1));
    }

    public static string Name(DomainHandle domain) =>
        Marshal.PtrToStringUTF8(Virt.DomainGetName(domain)) ?? throw LibvirtErrors.Last("Reading a system's name");

    /// <summary>libvirt's state in the contract's terms; a shut-off domain with a managed save image is Saved.</summary>
    public static SystemState State(DomainHandle domain)
    {
        LibvirtErrors.Check(Virt.DomainGetState(domain, out var state, out _, 0), "Reading a system's state");
        return state switch
        {
            Virt.StateRunning or Virt.StateBlocked => SystemState.Running,
            Virt.StatePaused or Virt.StatePmSuspended => SystemState.Paused,
            Virt.StateShutdown => SystemState.ShuttingDown,
            Virt.StateCrashed => SystemState.Crashed,
            Virt.StateShutoff when LibvirtErrors.Check(Virt.DomainHasManagedSaveImage(domain, 0), "Reading a system's saved image") > 0 => SystemState.Saved,
            Virt.StateShutoff => SystemState.Off,
            // NOSTATE: a domain libvirt is still setting up.
            _ => SystemState.Starting,
        };
    }

    public static bool IsActive(SystemState state) => state is SystemState.Running or SystemState.Paused or SystemState.ShuttingDown;

    /// <summary>The domain XML: the persistent definition with <see cref="Virt.DomainXmlInactive"/>, else the live one.</summary>
    public static string Xml(DomainHandle domain, uint flags) =>
        LibC.TakeString(Virt.DomainGetXmlDesc(domain, flags)) ?? throw LibvirtErrors.Last("Reading a system's XML");

    /// <summary>The XML a saved domain resumes with, or null when libvirt cannot tell.</summary>
    public static string? ManagedSaveXml(DomainHandle domain)
    {
        var xml = LibC.TakeString(Virt.DomainManagedSaveGetXmlDesc(domain, 0));
        if (xml is null) Virt.ResetLastError();
        return xml;
    }
}
