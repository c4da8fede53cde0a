using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Providers;

/// <summary>The VirtualSystemType string of this host's virtual systems (DSP1042 7.3.2): "DMTF:" + hypervisor type.</summary>
public static class VirtualSystemTypes
{
    public static string For(HostInfo host) => "DMTF:" + host.HypervisorType.ToLowerInvariant();
}
