using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;

namespace WsManSvp.Server.Hosting;

/// <summary>Creates the hypervisor backend the settings name.</summary>
public static class Backends
{
    public static async Task<IHypervisor> CreateAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        switch (settings.Backend)
        {
            case "sim":
                var simulator = new SimulatedHypervisor(SimulatorSeed.DefaultHost(settings.HostName ?? Environment.MachineName.ToLowerInvariant()));
                await SimulatorSeed.SeedAsync(simulator, settings.SeedSystems, cancellationToken);
                return simulator;
            default:
                throw new CommandLineException($"The '{settings.Backend}' backend is not available in this build; use --backend sim.");
        }
    }
}
