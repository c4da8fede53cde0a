using WsManSvp.Cim.Model;

namespace WsManSvp.Virtualization.Model;

/// <summary>Registered profiles (DSP1033), in root/interop.</summary>
public sealed partial class ModelInstances
{
    private const ushort OrganizationDmtf = 2;
    private const ushort NotAdvertised = 2;

    public CimInstance ProfileInstance(RegisteredProfile profile) => New(ModelPaths.RegisteredProfileClass, CimNamespaces.Interop)
        .Set("InstanceID", profile.InstanceId)
        .Set("ElementName", profile.Name)
        .Set("RegisteredOrganization", U16(OrganizationDmtf))
        .Set("RegisteredName", profile.Name)
        .Set("RegisteredVersion", profile.Version)
        .Set("AdvertiseTypes", U16s(NotAdvertised));
}
