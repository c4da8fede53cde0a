using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// Class definitions (DSP0227 clause 15, DSP1042 use case 9.2.14): Get of the CIM-XML class resource with
/// ClassName (and __cimnamespace) returns the DSP0201 CLASS element; Enumerate lists classes.
/// </summary>
public sealed class ClassDefinitionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string ClassUri = "http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/*";

    [Fact]
    public async Task CIM_ComputerSystem_is_a_CLASS_with_its_superclass_keys_and_properties()
    {
        using var client = server.Client();
        var host = (await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName))).AssertOk().Content;

        var reply = (await GetClassAsync(client, ("ClassName", "CIM_ComputerSystem"), ("__cimnamespace", "root/cimv2"))).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", reply.Action);
        var cls = Assert.Single(reply.Body.Elements());
        Assert.Equal("CLASS", cls.Name);
        Assert.Equal("CIM_ComputerSystem", (string?)cls.Attribute("NAME"));
        Assert.Equal("CIM_System", (string?)cls.Attribute("SUPERCLASS"));
        var properties = cls.Elements().Where(e => e.Name.LocalName.StartsWith("PROPERTY", StringComparison.Ordinal)).ToList();
        Assert.Equal(host.Elements().Select(e => e.Name.LocalName).Distinct().Order(StringComparer.Ordinal),
            properties.Select(p => (string)p.Attribute("NAME")!).Order(StringComparer.Ordinal));
        Assert.Equal(["CreationClassName", "Name"], properties.Where(IsKey).Select(p => (string)p.Attribute("NAME")!).Order(StringComparer.Ordinal));
        var name = properties.Single(p => (string?)p.Attribute("NAME") == "Name");
        Assert.Equal(("PROPERTY", "string", "CIM_ManagedSystemElement", "true"),
            (name.Name.LocalName, (string?)name.Attribute("TYPE"), (string?)name.Attribute("CLASSORIGIN"), (string?)name.Attribute("PROPAGATED")));
        var operationalStatus = properties.Single(p => (string?)p.Attribute("NAME") == "OperationalStatus");
        Assert.Equal(("PROPERTY.ARRAY", "uint16"), (operationalStatus.Name.LocalName, (string?)operationalStatus.Attribute("TYPE")));
        var dedicated = properties.Single(p => (string?)p.Attribute("NAME") == "Dedicated");
        Assert.Equal("CIM_ComputerSystem", (string?)dedicated.Attribute("CLASSORIGIN"));
        Assert.Null(dedicated.Attribute("PROPAGATED"));
    }

    [Fact]
    public async Task RequestStateChange_is_a_METHOD_with_its_parameters_and_their_In_and_Out_qualifiers()
    {
        using var client = server.Client();

        var cls = (await GetClassAsync(client, ("ClassName", "CIM_ComputerSystem"))).AssertOk().Content;

        var method = Assert.Single(cls.Elements("METHOD"), m => (string?)m.Attribute("NAME") == "RequestStateChange");
        Assert.Equal(("uint32", "CIM_EnabledLogicalElement"), ((string?)method.Attribute("TYPE"), (string?)method.Attribute("CLASSORIGIN")));
        Assert.Equal(
            ["PARAMETER RequestedState uint16 In", "PARAMETER.REFERENCE Job CIM_ConcreteJob Out", "PARAMETER TimeoutPeriod datetime In"],
            method.Elements().Select(p => string.Join(" ", new[]
            {
                p.Name.LocalName, (string?)p.Attribute("NAME"), (string?)p.Attribute("TYPE") ?? (string?)p.Attribute("REFERENCECLASS"),
                string.Join(",", new[] { "In", "Out" }.Where(q => Qualifier(p, q) == "true")),
            })));
        Assert.Equal("false", Qualifier(method.Elements().Single(p => (string?)p.Attribute("NAME") == "Job"), "In"));
        var states = method.Elements("PARAMETER").Single(p => (string?)p.Attribute("NAME") == "RequestedState");
        Assert.Contains("2", Qualifiers(states, "ValueMap").Single().Element("VALUE.ARRAY")!.Elements("VALUE").Select(v => v.Value));
    }

    [Fact]
    public async Task An_association_class_has_the_Association_qualifier_and_key_references()
    {
        using var client = server.Client();

        var cls = (await GetClassAsync(client, ("ClassName", "CIM_HostedDependency"))).AssertOk().Content;

        Assert.Equal("true", Qualifier(cls, "Association"));
        var references = cls.Elements("PROPERTY.REFERENCE").ToList();
        Assert.Equal(["Antecedent", "Dependent"], references.Select(r => (string?)r.Attribute("NAME")));
        Assert.All(references, r => Assert.Equal("CIM_ManagedElement", (string?)r.Attribute("REFERENCECLASS")));
        Assert.All(references, r => Assert.True(IsKey(r)));
    }

    [Fact]
    public async Task A_profile_class_is_got_in_root_interop()
    {
        using var client = server.Client();

        var cls = (await GetClassAsync(client, ("ClassName", "CIM_RegisteredProfile"), ("__cimnamespace", "root/interop"))).AssertOk().Content;

        Assert.Equal("CIM_RegisteredProfile", (string?)cls.Attribute("NAME"));
        Assert.Equal(["InstanceID"], cls.Elements().Where(IsKey).Select(p => (string)p.Attribute("NAME")!));
    }

    [Theory]
    [InlineData("ClassName", "CIM_Nope", "Class CIM_Nope is not known here.")]
    [InlineData("__cimnamespace", "root/nowhere", "Namespace 'root/nowhere' is not served.")]
    public async Task An_unknown_class_or_namespace_is_DestinationUnreachable(string selector, string value, string reason)
    {
        using var client = server.Client();
        var selectors = new Dictionary<string, string> { ["ClassName"] = "CIM_ComputerSystem", ["__cimnamespace"] = "root/cimv2", [selector] = value };

        var reply = await GetClassAsync(client, [.. selectors.Select(s => (s.Key, s.Value))]);

        reply.AssertFault("wsa:DestinationUnreachable");
        Assert.Equal(reason, reply.Reason);
    }

    [Fact]
    public async Task Without_ClassName_the_Get_is_InvalidSelectors_InsufficientSelectors()
    {
        using var client = server.Client();

        var reply = await GetClassAsync(client, ("__cimnamespace", "root/cimv2"));

        reply.AssertFault("wsman:InvalidSelectors", "InsufficientSelectors");
    }

    [Fact]
    public async Task A_selector_other_than_ClassName_and_namespace_is_InvalidSelectors_UnexpectedSelectors()
    {
        using var client = server.Client();

        var reply = await GetClassAsync(client, ("ClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName));

        reply.AssertFault("wsman:InvalidSelectors", "UnexpectedSelectors");
    }

    [Fact]
    public async Task Enumerate_lists_every_class_once_and_each_is_got_by_its_EPR()
    {
        using var client = server.Client();

        var classes = await client.ItemsAsync(new Enumeration(ClassUri), optimize: 10);
        var eprs = await client.EprsAsync(new Enumeration(ClassUri));

        Assert.All(classes, c => Assert.Equal("CLASS", c.Name));
        var names = classes.Select(c => (string)c.Attribute("NAME")!).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Superset(new HashSet<string>(["CIM_ComputerSystem", "CIM_HostedDependency", "CIM_RegisteredProfile", "CIM_ResourcePool",
            "CIM_StorageAllocationSettingData", "CIM_VirtualSystemManagementService"]), names.ToHashSet());
        Assert.Equal(names, eprs.Select(e => e.Selector("ClassName")));
        foreach (var epr in eprs)
        {
            Assert.Equal(ClassUri, epr.ResourceUri);
            var got = (await client.GetAsync(epr)).AssertOk().Content;
            Assert.Equal(epr.Selector("ClassName"), (string?)got.Attribute("NAME"));
        }
    }

    [Fact]
    public async Task Enumerate_with_ClassName_lists_the_class_and_its_subclasses()
    {
        using var client = server.Client();

        var reply = await client.PostAsync(Envelopes.Build(Envelopes.Enumerate, ClassUri, [("ClassName", "CIM_ResourceAllocationSettingData")],
            "<wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>50</wsman:MaxElements></wsen:Enumerate>"));

        var items = reply.AssertOk().Content.Element(Ns.WsMan + "Items")!.Elements().ToList();
        Assert.Equal(["CIM_EthernetPortAllocationSettingData", "CIM_ResourceAllocationSettingData", "CIM_StorageAllocationSettingData"],
            items.Select(c => (string?)c.Attribute("NAME")).Order(StringComparer.Ordinal));
        Assert.All(items.Where(c => (string?)c.Attribute("NAME") != "CIM_ResourceAllocationSettingData"),
            c => Assert.Equal("CIM_ResourceAllocationSettingData", (string?)c.Attribute("SUPERCLASS")));
    }

    [Fact]
    public async Task Strings_that_carry_embedded_instances_say_so_with_EmbeddedInstance_or_EmbeddedObject()
    {
        using var client = server.Client();

        var service = (await GetClassAsync(client, ("ClassName", "CIM_VirtualSystemManagementService"))).AssertOk().Content;
        var indication = (await GetClassAsync(client, ("ClassName", "CIM_InstModification"))).AssertOk().Content;

        var defineSystem = service.Elements("METHOD").Single(m => (string?)m.Attribute("NAME") == "DefineSystem");
        var settings = defineSystem.Elements().Single(p => (string?)p.Attribute("NAME") == "SystemSettings");
        var resources = defineSystem.Elements().Single(p => (string?)p.Attribute("NAME") == "ResourceSettings");
        Assert.Equal(("PARAMETER", "string", "CIM_VirtualSystemSettingData"), (settings.Name.LocalName, (string?)settings.Attribute("TYPE"), Qualifier(settings, "EmbeddedInstance")));
        Assert.Equal(("PARAMETER.ARRAY", "CIM_ResourceAllocationSettingData"), (resources.Name.LocalName, Qualifier(resources, "EmbeddedInstance")));
        var previous = indication.Elements("PROPERTY").Single(p => (string?)p.Attribute("NAME") == "PreviousInstance");
        Assert.Equal(("string", "true", null), ((string?)previous.Attribute("TYPE"), Qualifier(previous, "EmbeddedObject"), Qualifier(previous, "EmbeddedInstance")));
    }

    private static Task<WsManReply> GetClassAsync(WsManClient client, params (string Name, string Value)[] selectors) =>
        client.PostAsync(Envelopes.Build(Envelopes.Get, ClassUri, selectors));

    private static bool IsKey(XElement element) => Qualifier(element, "Key") == "true";

    private static string? Qualifier(XElement element, string name) => Qualifiers(element, name).SingleOrDefault()?.Element("VALUE")?.Value;

    private static IEnumerable<XElement> Qualifiers(XElement element, string name) =>
        element.Elements("QUALIFIER").Where(q => (string?)q.Attribute("NAME") == name);
}
