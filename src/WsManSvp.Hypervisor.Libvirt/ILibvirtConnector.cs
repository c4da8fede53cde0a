using WsManSvp.Hypervisor.Libvirt.Native;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>Opens a connection to libvirt (a seam: tests make it fail to exercise the reconnect loop).</summary>
internal interface ILibvirtConnector
{
    /// <summary>A new connection, or <see cref="HypervisorError.Unavailable"/>.</summary>
    ConnectHandle Open(string uri);
}

internal sealed class NativeConnector : ILibvirtConnector
{
    public static readonly NativeConnector Instance = new();

    public ConnectHandle Open(string uri)
    {
        var handle = Virt.ConnectOpen(uri);
        if (!handle.IsInvalid) return handle;
        handle.Dispose();
        var error = LibvirtErrors.Last($"Connecting to libvirt at {uri}");
        throw new HypervisorException(HypervisorError.Unavailable, error.Message, error);
    }
}
