using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// Association instances as resources: an AssociationInstances result's EPR, whose selectors are nested
/// EPRs (DSP0227 7.2), addresses it in a Get; a reference selector naming what is not there reaches nothing.
/// </summary>
public sealed class AssociationTransferTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Every_association_of_a_running_system_is_got_by_its_EPR_as_it_was_enumerated()
    {
        using var client = server.Client();
        var web01 = ModelEprs.System(await SeededSystems.NameOfAsync(client, "web01"));

        var named = await client.NamedAsync(Enumeration.AllClasses(Filters.AssociationInstances(web01)));

        Assert.Equal(12, named.Count);
        foreach (var association in named)
        {
            var nested = association.Path.SelectorSet.Elements(Ns.WsMan + "Selector").Where(s => s.Element(Ns.Wsa + "EndpointReference") is not null).ToList();
            Assert.Equal(2, nested.Count);
            var reply = (await client.GetAsync(association.Path)).AssertOk();
            Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", reply.Action);
            Assert.Equal(association.Instance.ToString(SaveOptions.DisableFormatting), reply.Content.ToString(SaveOptions.DisableFormatting));
            Assert.All(nested, s => Assert.True(Epr.From(s.Element(Ns.Wsa + "EndpointReference")!).SameAs(Reference(reply.Content, (string)s.Attribute("Name")!))));
        }
    }

    [Fact]
    public async Task A_hosting_association_is_got_by_its_two_ends()
    {
        using var client = server.Client();
        var web01 = ModelEprs.System(await SeededSystems.NameOfAsync(client, "web01"));

        var reply = (await client.GetAsync(HostedDependency(ModelEprs.Host, web01))).AssertOk();

        Assert.Equal(Ns.Class("CIM_HostedDependency") + "CIM_HostedDependency", reply.Content.Name);
        Assert.True(Reference(reply.Content, "Antecedent").SameAs(ModelEprs.Host));
        Assert.True(Reference(reply.Content, "Dependent").SameAs(web01));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData(ServerFixture.HostName)]
    public async Task A_reference_selector_naming_no_associated_element_is_DestinationUnreachable(string dependent)
    {
        using var client = server.Client();

        var reply = await client.GetAsync(HostedDependency(ModelEprs.Host, ModelEprs.System(dependent)));

        reply.AssertFault("wsa:DestinationUnreachable");
        Assert.Equal("No CIM_HostedDependency instance in root/cimv2 matches the selectors.", reply.Reason);
    }

    /// <summary>The EPR of a CIM_HostedDependency: its keys, Antecedent and Dependent, are EPR-valued selectors.</summary>
    private static Epr HostedDependency(Epr antecedent, Epr dependent) =>
        ModelEprs.Association("CIM_HostedDependency", ModelEprs.Implementation, ("Antecedent", antecedent), ("Dependent", dependent));

    private static Epr Reference(XElement association, string role) => Epr.From(association.Element(association.Name.Namespace + role)!);
}
