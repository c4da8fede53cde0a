using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.Navigation;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// openwsman's wsman client filtering enumerations, as captured: the association filter (associators and
/// references, on the all-classes URI) and a WQL filter with PolymorphismMode on a class URI.
/// </summary>
public abstract class WsmancliFilterReplayTests(ServerFixture server)
{
    private const string EnumerateResponse = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse";

    [Theory]
    [Replays("wsmancli/associators-1.xml")]
    public async Task Associators_of_the_host_are_every_element_associated_with_it_in_its_own_class(string capture)
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);

        var items = await SendAndPullAsync(client, ClientCapture.Load(capture));

        Assert.Equal(Neighbours.OfHost(systems.Values), Neighbours.Sorted(items));
        var profile = Assert.Single(items, i => i.Name.LocalName == "CIM_RegisteredProfile");
        Assert.Equal(Ns.Class("CIM_RegisteredProfile") + "CIM_RegisteredProfile", profile.Name);
        Assert.Equal("System Virtualization", profile.Prop("RegisteredName"));
        var web01 = Assert.Single(items, i => i.Prop("ElementName") == "web01");
        Assert.Equal(Ns.Class("CIM_ComputerSystem") + "CIM_ComputerSystem", web01.Name);
        Assert.Equal("2", web01.Prop("EnabledState"));
    }

    // The capture names the host, which has no devices; a running system's CIM_SystemDevice associations are what it asks for.
    [Theory]
    [Replays("wsmancli/references-1.xml")]
    public async Task References_of_a_running_system_restricted_to_CIM_SystemDevice_are_its_device_associations(string capture)
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");

        var items = await SendAndPullAsync(client, ClientCapture.Load(capture).WithSelector("Name", web01));

        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.Equal(Ns.Class("CIM_SystemDevice") + "CIM_SystemDevice", i.Name));
        Assert.All(items, i => Assert.True(Ref(i, "GroupComponent").SameAs(ModelEprs.System(web01)), i.ToString()));
        var devices = items.Select(i => Ref(i, "PartComponent")).ToList();
        Assert.All(devices, d => Assert.Equal(web01, d.Selector("SystemName")));
        Assert.Equal(["CIM_EthernetPort", "CIM_LogicalDisk", "CIM_Memory", "CIM_Processor", "CIM_Processor"],
            devices.Select(d => d.ClassName).Order(StringComparer.Ordinal));
        Assert.Equal(["cpu0", "cpu1", "mem", "vda"], devices.Where(d => d.ClassName != "CIM_EthernetPort").Select(d => d.Selector("DeviceID")).Order(StringComparer.Ordinal));
        Assert.Matches("^52:54:00(:[0-9a-f]{2}){3}$", devices.Single(d => d.ClassName == "CIM_EthernetPort").Selector("DeviceID"));
    }

    [Theory]
    [Replays("wsmancli/enumerate_cim_wql_filter-1.xml")]
    public async Task A_WQL_filter_on_the_host_name_returns_the_host_whole(string capture)
    {
        using var client = server.Client();

        var items = await SendAndPullAsync(client, ClientCapture.Load(capture));

        InteropAssert.IsHost(Assert.Single(items));
    }

    private static Epr Ref(XElement association, string role) => Epr.From(association.Element(association.Name.Namespace + role)!);

    /// <summary>Sends the (unoptimized) Enumerate, then pulls on the URI it names until the end.</summary>
    private static async Task<List<XElement>> SendAndPullAsync(WsManClient client, ClientCapture capture)
    {
        var reply = (await capture.SendAsync(client)).AssertOk();
        Assert.Equal(EnumerateResponse, reply.Action);
        Assert.Null(reply.Content.Element(Ns.WsMan + "Items"));
        var context = reply.Content.Element(Ns.Wsen + "EnumerationContext")!.Value;
        var resourceUri = XDocument.Parse(capture.Text).Descendants(Ns.WsMan + "ResourceURI").First().Value;
        var pulls = new Enumeration(resourceUri, Namespace: "root/cimv2");
        var items = new List<XElement>();
        for (var i = 0; i < 20; i++)
        {
            var response = (await client.PostAsync(pulls.PullEnvelope(context, 10))).AssertOk().Content;
            items.AddRange(response.Element(Ns.Wsen + "Items")!.Elements());
            if (response.Element(Ns.Wsen + "EndOfSequence") is not null) return items;
            context = response.Element(Ns.Wsen + "EnumerationContext")!.Value;
        }
        Assert.Fail($"No EndOfSequence after 20 pulls; items so far: {items.Count}");
        return items;
    }
}

public sealed class WsmancliFilterReplayOnSimulatorTests(ServerFixture server) : WsmancliFilterReplayTests(server), IClassFixture<ServerFixture>;

public sealed class WsmancliFilterReplayOnLibvirtTests(LibvirtServerFixture server) : WsmancliFilterReplayTests(server), IClassFixture<LibvirtServerFixture>;
