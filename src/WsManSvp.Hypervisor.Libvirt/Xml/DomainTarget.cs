namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>
/// What new domains are written for, read from the connection's capabilities XML: the domain type
/// ("kvm", "qemu", "test"), the guest's arch and os type, the machine type (null: the emulator's default)
/// and the emulator binary (null: libvirt's choice).
/// </summary>
public sealed record DomainTarget(string DomainType, string Arch, string OsType, string? Machine, string? Emulator);
