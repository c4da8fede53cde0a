// SKELETON (to be replaced by the lv branch).
using Microsoft.Extensions.Logging;
using WsManSvp.Storage;

namespace WsManSvp.Hypervisor.Libvirt;

public sealed class LibvirtHypervisor
{
    public static Task<IHypervisor> OpenAsync(LibvirtOptions options, StateDatabase state, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
