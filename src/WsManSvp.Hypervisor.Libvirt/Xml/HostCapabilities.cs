namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>
/// The host facts libvirt's capabilities XML gives (virConnectGetCapabilities). HostUuid is
/// <see cref="Guid.Empty"/> when the XML has no host/uuid (libvirt's test driver gives none).
/// </summary>
public sealed record HostCapabilities(Guid HostUuid, string CpuModel, DomainTarget Target);
