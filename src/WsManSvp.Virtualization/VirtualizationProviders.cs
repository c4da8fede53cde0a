using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization;

/// <summary>The providers that together implement the profiles over one hypervisor.</summary>
public static class VirtualizationProviders
{
    public static IReadOnlyList<ICimProvider> Create(IHypervisor hypervisor, CimClassRepository repository) =>
    [
        new ComputerSystemProvider(hypervisor, repository),
        new VirtualSystemManagementServiceProvider(hypervisor, repository),
        new VirtualSystemSettingDataProvider(hypervisor, repository),
    ];
}
