using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// Builds the CIM instance of each model element from hypervisor facts (one partial file per family).
/// <see cref="BuildAsync"/> fetches the facts an element needs and returns null when it does not exist.
/// </summary>
public sealed partial class ModelInstances(CimClassRepository repository, ModelSource source)
{
    public ModelSource Source => source;

    public CimClassRepository Repository => repository;

    public async ValueTask<CimInstance?> BuildAsync(ModelElement element, CimCallContext context)
    {
        var host = await source.HostAsync(context).ConfigureAwait(false);
        switch (element)
        {
            case HostSystem: return HostSystemInstance(host);
            case ManagementService: return ManagementServiceInstance(host);
            case SnapshotService: return SnapshotServiceInstance(host);
            case ManagementCapabilities: return ManagementCapabilitiesInstance(host);
            case SnapshotServiceCapabilities: return SnapshotServiceCapabilitiesInstance(host);
            case Profile p: return ProfileInstance(p.Registration);
            case VirtualComputerSystem s:
                return await source.SystemAsync(s.Id, context).ConfigureAwait(false) is { } system ? VirtualSystemInstance(system) : null;
            case SnapshotCapabilities c:
                return await source.SystemAsync(c.Id, context).ConfigureAwait(false) is { } owner ? SnapshotCapabilitiesInstance(owner, host) : null;
            case Configuration c:
                return await source.ConfigurationAsync(c, context).ConfigureAwait(false) is { } configured
                    ? ConfigurationInstance(configured, host) : null;
            case ResourceSetting r:
                return await source.ResourceAsync(r, context).ConfigureAwait(false) is { } found
                    ? ResourceSettingInstance(found.Configuration, found.Resource) : null;
            case Job j:
                return source.Jobs.Find(j.Id) is { } job ? JobInstance(job) : null;
            case Device d:
                return await source.DeviceAsync(d, context).ConfigureAwait(false) is { } device ? DeviceInstance(device.System, device.Device) : null;
            case Pool p:
                return await source.PoolAsync(p.Kind, p.Name, context).ConfigureAwait(false) is { } pool ? PoolInstance(pool) : null;
            case PoolCapabilities p:
                return await source.PoolAsync(p.Kind, p.Name, context).ConfigureAwait(false) is { } capsPool ? PoolCapabilitiesInstance(capsPool) : null;
            case CapabilitySetting c:
                return await source.PoolAsync(c.Kind, c.Name, context).ConfigureAwait(false) is { } limitPool
                    ? CapabilitySettingInstance(limitPool, c.Role, host) : null;
            default:
                return null;
        }
    }

    private CimInstance New(string className, string @namespace = CimNamespaces.Cimv2) =>
        new(repository.GetClass(className) ?? throw new InvalidOperationException($"{className} is not declared in schemas/."), @namespace);

    private static CimValue U16(ushort value) => CimValue.UInt16(value);

    private static CimValue U16s(params ushort[] values) => CimValue.UInt16Array(values);

    private static CimValue U64(long value) => CimValue.UInt64((ulong)Math.Max(0, value));
}
