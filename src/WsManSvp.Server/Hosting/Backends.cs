using Microsoft.Extensions.Logging;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Libvirt;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Storage;

namespace WsManSvp.Server.Hosting;

/// <summary>Creates the hypervisor backend the settings name.</summary>
public static class Backends
{
    /// <param name="state">Where a backend keeps what must survive a restart (the simulator's systems; libvirt's metadata).</param>
    public static async Task<IHypervisor> CreateAsync(ServerSettings settings, StateDatabase state, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        switch (settings.Backend)
        {
            case "libvirt":
                return await LibvirtHypervisor.OpenAsync(new LibvirtOptions(settings.LibvirtUri) { HostName = settings.HostName }, state, loggers, cancellationToken);
            default:
                var host = SimulatorSeed.DefaultHost(settings.HostName ?? Environment.MachineName.ToLowerInvariant());
                var options = new SimulatorOptions { OperationLatency = settings.SimulatorLatency };
                return await SimulatedHypervisor.OpenAsync(host, state, options, settings.SeedSystems, cancellationToken: cancellationToken);
        }
    }
}
