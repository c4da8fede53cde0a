using System.Security;
using System.Xml.Linq;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

/// <summary>
/// Embedded instances in real envelopes: a DefineSystem-like invocation in each form clients send them (the
/// provider is a fake that records its arguments), and an OUT parameter of embedded instances in the reply.
/// </summary>
public sealed class EmbeddedInstanceInvocationTests : IAsyncDisposable
{
    private const string Service = "CIM_VirtualSystemManagementService";
    private const string Vssd = "CIM_VirtualSystemSettingData";
    private const string Rasd = "CIM_ResourceAllocationSettingData";

    private readonly FakeProvider _services = new FakeProvider(new ProvidedClass("root/cimv2", Service))
        .With(FakeProviderService.New(Service)
            .Set("SystemCreationClassName", "CIM_ComputerSystem").Set("SystemName", "host")
            .Set("CreationClassName", Service).Set("Name", "vsms"));

    private readonly FakeProvider _jobs = new FakeProvider(new ProvidedClass("root/cimv2", "CIM_ConcreteJob"))
        .With(FakeProviderService.New("CIM_ConcreteJob").Set("InstanceID", "job-1"));

    private readonly FakeProviderService _service;

    public EmbeddedInstanceInvocationTests() => _service = new FakeProviderService(_services, _jobs);

    public ValueTask DisposeAsync() => _service.DisposeAsync();

    private static Request DefineSystem(string parameters) =>
        Request.For(Ns.ClassPrefix + Service + "/DefineSystem", Service) with
        {
            Selectors = [("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", "host"), ("CreationClassName", Service), ("Name", "vsms")],
            Body = $"""<p:DefineSystem_INPUT xmlns:p="{Ns.ClassPrefix}{Service}" xmlns:xsi="{Ns.Xsi}">{parameters}</p:DefineSystem_INPUT>""",
        };

    private static string CimXml(string className, params (string Name, string Type, string Value)[] properties) =>
        $"""<INSTANCE CLASSNAME="{className}">""" +
        string.Concat(properties.Select(p => $"""<PROPERTY NAME="{p.Name}" TYPE="{p.Type}"><VALUE>{SecurityElement.Escape(p.Value)}</VALUE></PROPERTY>""")) +
        "</INSTANCE>";

    public static TheoryData<string, string> Forms() => new()
    {
        {
            "xsi:type element",
            $"""
            <p:SystemSettings xmlns:v="{Ns.ClassPrefix}{Vssd}" xsi:type="v:{Vssd}_Type">
              <v:ElementName>web</v:ElementName><v:VirtualSystemType>kvm</v:VirtualSystemType>
            </p:SystemSettings>
            <p:ResourceSettings xmlns:r="{Ns.ClassPrefix}{Rasd}" xsi:type="r:{Rasd}_Type">
              <r:ResourceType>4</r:ResourceType><r:VirtualQuantity>2048</r:VirtualQuantity>
            </p:ResourceSettings>
            <p:ResourceSettings xmlns:r="{Ns.ClassPrefix}{Rasd}" xsi:type="r:{Rasd}_Type">
              <r:ResourceType>3</r:ResourceType><r:VirtualQuantity>2</r:VirtualQuantity>
            </p:ResourceSettings>
            """
        },
        {
            "CIM-XML, escaped",
            $"""
            <p:SystemSettings>{SecurityElement.Escape(CimXml(Vssd, ("ElementName", "string", "web"), ("VirtualSystemType", "string", "kvm")))}</p:SystemSettings>
            <p:ResourceSettings>{SecurityElement.Escape(CimXml(Rasd, ("ResourceType", "uint16", "4"), ("VirtualQuantity", "uint64", "2048")))}</p:ResourceSettings>
            <p:ResourceSettings>{SecurityElement.Escape(CimXml(Rasd, ("ResourceType", "uint16", "3"), ("VirtualQuantity", "uint64", "2")))}</p:ResourceSettings>
            """
        },
        {
            "CIM-XML in CDATA",
            $"""
            <p:SystemSettings><![CDATA[{CimXml(Vssd, ("ElementName", "string", "web"), ("VirtualSystemType", "string", "kvm"))}]]></p:SystemSettings>
            <p:ResourceSettings><![CDATA[{CimXml(Rasd, ("ResourceType", "uint16", "4"), ("VirtualQuantity", "uint64", "2048"))}]]></p:ResourceSettings>
            <p:ResourceSettings><![CDATA[{CimXml(Rasd, ("ResourceType", "uint16", "3"), ("VirtualQuantity", "uint64", "2"))}]]></p:ResourceSettings>
            """
        },
        {
            "MOF",
            $$"""
            <p:SystemSettings>instance of {{Vssd}} { ElementName = "web"; VirtualSystemType = "kvm"; };</p:SystemSettings>
            <p:ResourceSettings>
              // memory
              instance of {{Rasd}} { ResourceType = 4; VirtualQuantity = 2048; };
            </p:ResourceSettings>
            <p:ResourceSettings>instance of {{Rasd}} { ResourceType = 3; VirtualQuantity = 2; };</p:ResourceSettings>
            """
        },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task DefineSystem_hands_the_provider_the_embedded_instances(string form, string parameters)
    {
        var reply = (await _service.SendAsync(DefineSystem(parameters))).AssertOk();

        Assert.Equal(Ns.Class(Service) + "DefineSystem_OUTPUT", reply.Content.Name);
        Assert.Equal("0", reply.Content.Element(Ns.Class(Service) + "ReturnValue")!.Value);
        var arguments = Assert.Single(_services.Invocations);
        var system = arguments["SystemSettings"].AsInstance();
        Assert.Equal((Vssd, "root/cimv2"), (system.Class.Name, system.Namespace));
        Assert.Equal((CimValue.String("web"), CimValue.String("kvm")), (system["ElementName"], system["VirtualSystemType"]));
        var resources = arguments["ResourceSettings"];
        Assert.Equal((CimType.Instance, true), (resources.Type, resources.IsArray));
        Assert.Equal(["4:2048", "3:2"], resources.AsArray().ToArray().Select(r => $"{r.AsInstance()["ResourceType"]}:{r.AsInstance()["VirtualQuantity"]}"));
        Assert.All(resources.AsArray().ToArray(), r => Assert.Equal(Rasd, r.AsInstance().Class.Name));
        Assert.False(arguments.ContainsKey("ReferenceConfiguration"), form);
    }

    [Fact]
    public async Task A_nil_parameter_is_NULL()
    {
        (await _service.SendAsync(DefineSystem("""<p:SystemSettings xsi:nil="true"/>"""))).AssertOk();

        Assert.Equal(CimValue.Null(CimType.Instance), Assert.Single(_services.Invocations)["SystemSettings"]);
    }

    [Theory]
    [InlineData("<p:SystemSettings>instance of CIM_Nope { };</p:SystemSettings>", "SystemSettings: CIM_Nope is not a class this service knows.")]
    [InlineData("<p:SystemSettings>instance of CIM_ResourceAllocationSettingData { };</p:SystemSettings>",
        "SystemSettings: an instance of CIM_ResourceAllocationSettingData was given where CIM_VirtualSystemSettingData (or a class derived from it) is expected.")]
    [InlineData("<p:ResourceSettings>&lt;INSTANCE CLASSNAME=\"CIM_ResourceAllocationSettingData\"&gt;</p:ResourceSettings>",
        "ResourceSettings: the CIM-XML text is not well-formed XML (Unexpected end of file has occurred. The following elements are not closed: INSTANCE. Line 1, position 57.).")]
    [InlineData("<p:ResourceSettings>instance of CIM_ResourceAllocationSettingData { VirtualQuantity = \"lots\"; };</p:ResourceSettings>",
        "ResourceSettings: CIM_ResourceAllocationSettingData.VirtualQuantity: 'lots' is not an integer.")]
    public async Task An_embedded_instance_that_cannot_be_read_is_InvalidParameter_and_nothing_runs(string parameter, string reason)
    {
        var reply = await _service.SendAsync(DefineSystem(parameter));

        reply.AssertSenderFault("wsman:InvalidParameter", "TypeMismatch");
        Assert.Equal(reason, reply.Reason);
        Assert.Empty(_services.Invocations);
    }

    [Fact]
    public async Task An_OUT_parameter_of_embedded_instances_is_one_element_per_instance_typed_with_its_class()
    {
        _jobs.MethodResult = _ => new CimMethodResult(CimValue.UInt32(0), new Dictionary<string, CimValue>
        {
            ["Errors"] = CimValue.Array(CimType.Instance,
                CimValue.Instance(FakeProviderService.New("CIM_Error").Set("MessageID", "VM1").Set("Message", "disk <full>").Set("CIMStatusCode", CimValue.UInt32(1))),
                CimValue.Instance(FakeProviderService.New("CIM_Error").Set("MessageID", "VM2").Set("MessageArguments", CimValue.StringArray("a", "b")))),
        });
        var request = Request.For(Ns.ClassPrefix + "CIM_ConcreteJob/GetErrors", "CIM_ConcreteJob") with
        {
            Selectors = [("InstanceID", "job-1")],
            Body = $"""<p:GetErrors_INPUT xmlns:p="{Ns.ClassPrefix}CIM_ConcreteJob"/>""",
        };

        var reply = (await _service.SendAsync(request)).AssertOk();

        XNamespace p = Ns.ClassPrefix + "CIM_ConcreteJob", e = Ns.ClassPrefix + "CIM_Error";
        Assert.Equal(["Errors", "Errors", "ReturnValue"], reply.Content.Elements().Select(x => x.Name.LocalName));
        var errors = reply.Content.Elements(p + "Errors").ToArray();
        Assert.All(errors, x =>
        {
            var type = x.Attribute(Ns.Xsi + "type")!.Value.Split(':');
            Assert.Equal((e.NamespaceName, "CIM_Error_Type"), (x.GetNamespaceOfPrefix(type[0])!.NamespaceName, type[1]));
            Assert.All(x.Elements(), c => Assert.Equal(e, c.Name.Namespace));
            Assert.Equal(x.Elements().Select(c => c.Name.LocalName).Order(StringComparer.OrdinalIgnoreCase), x.Elements().Select(c => c.Name.LocalName));
        });
        Assert.Equal(("VM1", "disk <full>", "1"), (errors[0].Element(e + "MessageID")!.Value, errors[0].Element(e + "Message")!.Value, errors[0].Element(e + "CIMStatusCode")!.Value));
        Assert.Equal("true", errors[0].Element(e + "OwningEntity")!.Attribute(Ns.Xsi + "nil")!.Value);
        Assert.Equal(["a", "b"], errors[1].Elements(e + "MessageArguments").Select(x => x.Value));
    }
}
