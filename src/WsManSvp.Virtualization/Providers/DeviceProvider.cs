using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>The logical devices of active virtual systems (DSP1057, DSP1044/1045/1047/1050).</summary>
public sealed class DeviceProvider(ModelInstances instances)
    : ModelClassProvider(instances, VirtualDevices.Classes.Select(Cimv2).ToArray())
{
    public override async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            foreach (var device in ModelSource.DevicesOf(system))
                if (device.ClassName == cls.ClassName) yield return Instances.DeviceInstance(system, device);
    }
}
