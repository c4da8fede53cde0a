using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Storage;

namespace WsManSvp.Server.Hosting;

/// <summary>Creates the hypervisor backend the settings name.</summary>
public static class Backends
{
    /// <param name="state">Where a backend keeps what must survive a restart (the simulator's systems).</param>
    public static async Task<IHypervisor> CreateAsync(ServerSettings settings, StateDatabase state, CancellationToken cancellationToken)
    {
        switch (settings.Backend)
        {
            case "sim":
                var host = SimulatorSeed.DefaultHost(settings.HostName ?? Environment.MachineName.ToLowerInvariant());
                var options = new SimulatorOptions { OperationLatency = settings.SimulatorLatency };
                return await SimulatedHypervisor.OpenAsync(host, state, options, settings.SeedSystems, cancellationToken: cancellationToken);
            default:
                throw new CommandLineException($"The '{settings.Backend}' backend is not available in this build; use --backend sim.");
        }
    }
}
