using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>CIM_RegisteredProfile in root/interop: the profiles implemented (DSP1033, DSP1042 7.2).</summary>
public sealed class ProfileProvider(ModelInstances instances)
    : ModelClassProvider(instances, new ProvidedClass(CimNamespaces.Interop, ModelPaths.RegisteredProfileClass))
{
    public override async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        foreach (var profile in RegisteredProfile.All)
            yield return Instances.ProfileInstance(profile);
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
