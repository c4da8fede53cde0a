using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// How the association filter's wsmb:Object names its instance (DSP0227 R8.2.1-4): by a superclass's URI or
/// by enough of its keys, it is found; when it names no instance, or more than one, the filter cannot be processed.
/// </summary>
public sealed class AssociationFilterObjectTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Services = ["CIM_VirtualSystemManagementService", "CIM_VirtualSystemSnapshotService"];

    [Theory]
    [InlineData("CIM_System", true)]
    [InlineData("CIM_ComputerSystem", false)]
    public async Task An_Object_named_by_a_superclass_URI_or_some_of_its_keys_is_found(string className, bool allKeys)
    {
        using var client = server.Client();
        (string, string)[] keys = allKeys ? [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)] : [("Name", ServerFixture.HostName)];

        var eprs = await client.EprsAsync(Enumeration.AllClasses(
            Filters.AssociatedInstances(ModelEprs.Of(className, ModelEprs.Implementation, keys), resultClass: "CIM_Service")));

        Assert.Equal(Services, eprs.Select(e => e.ClassName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_Object_without_a_namespace_is_in_the_requests_namespace()
    {
        using var client = server.Client();
        var source = ModelEprs.Of("CIM_ComputerSystem", ModelEprs.Implementation, ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName));
        source.SelectorSet.Elements().Single(s => (string?)s.Attribute("Name") == "__cimnamespace").Remove();

        var eprs = await client.EprsAsync(Enumeration.AllClasses(Filters.AssociatedInstances(source, resultClass: "CIM_Service"), @namespace: ModelEprs.Implementation));

        Assert.Equal(Services, eprs.Select(e => e.ClassName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_Object_that_does_not_exist_is_CannotProcessFilter(bool associationInstances)
    {
        using var client = server.Client();
        var missing = ModelEprs.System("00000000-0000-0000-0000-000000000000");

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(
            associationInstances ? Filters.AssociationInstances(missing) : Filters.AssociatedInstances(missing)));

        Items.IsCannotProcessFilter(reply, "The association filter's Object does not name an instance: The object root/cimv2:CIM_ComputerSystem.");
    }

    [Fact]
    public async Task An_Object_in_the_wrong_namespace_does_not_exist()
    {
        using var client = server.Client();
        var hostInInterop = ModelEprs.Of("CIM_ComputerSystem", ModelEprs.Interop, ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName));

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(Filters.AssociatedInstances(hostInInterop)));

        Items.IsCannotProcessFilter(reply, "does not name an instance: The object root/interop:CIM_ComputerSystem.");
    }

    [Theory]
    [InlineData("CIM_Nope", "InstanceID", "x", "The association filter's Object names no known class ('http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Nope').")]
    [InlineData("CIM_ComputerSystem", "CreationClassName", "CIM_ComputerSystem", "The association filter's Object is ambiguous: The selectors given match more than one CIM_ComputerSystem")]
    [InlineData("CIM_ComputerSystem", "Bogus", "x", "The association filter's Object: 'Bogus' is not a key of CIM_ComputerSystem")]
    public async Task An_Object_that_names_no_single_instance_is_CannotProcessFilter(string className, string key, string value, string reason)
    {
        using var client = server.Client();

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(
            Filters.AssociatedInstances(ModelEprs.Of(className, ModelEprs.Implementation, (key, value)))));

        Items.IsCannotProcessFilter(reply, reason);
    }

    [Fact]
    public async Task An_Object_in_a_namespace_not_served_is_CannotProcessFilter()
    {
        using var client = server.Client();

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(Filters.AssociatedInstances(ModelEprs.Of("CIM_ComputerSystem", "root/nowhere",
            ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)))));

        Items.IsCannotProcessFilter(reply, "The association filter's Object: Namespace 'root/nowhere' is not served");
    }
}
