using System.Xml.Linq;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

/// <summary>WS-Transfer Put (DSP0226 7.3) through the CIM binding, over fake providers.</summary>
public sealed class PutTests : IAsyncLifetime
{
    private const string Put = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put";
    private const string Vssd = "CIM_VirtualSystemSettingData";
    private const string Rasd = "CIM_ResourceAllocationSettingData";
    private static readonly XNamespace V = Ns.Class(Vssd);

    private readonly FakeProvider _settings = new FakeProvider(new ProvidedClass("root/cimv2", Vssd))
        .With(FakeProviderService.New(Vssd)
            .Set("InstanceID", "vs1").Set("ElementName", "web").Set("Description", "front end")
            .Set("Notes", CimValue.StringArray("a", "b")).Set("AutomaticStartupAction", CimValue.UInt16(2)));

    private readonly FakeProvider _allocations = new FakeProvider(new ProvidedClass("root/cimv2", Rasd)) { ModifyFailure = CimStatus.NotSupported }
        .With(FakeProviderService.New(Rasd).Set("InstanceID", "rasd1").Set("ElementName", "memory"));

    private FakeProviderService _service = null!;
    private string _before = "";

    public async Task InitializeAsync()
    {
        _service = new FakeProviderService(_settings, _allocations);
        _before = await RepresentationAsync();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static Request PutOf(string body, string className = Vssd, string id = "vs1") =>
        Request.For(Put, className) with { Selectors = [("InstanceID", id)], Body = body };

    private static string Instance(string properties, string className = Vssd) =>
        $"""<p:{className} xmlns:p="{Ns.ClassPrefix}{className}" xmlns:xsi="{Ns.Xsi}">{properties}</p:{className}>""";

    private async Task<string> RepresentationAsync(string className = Vssd, string id = "vs1") =>
        (await _service.SendAsync(Request.GetOf(className, ("InstanceID", id)))).AssertOk().Content.ToString();

    /// <summary>After a failed Put, the resource is as it was and the provider was not asked to change it.</summary>
    private async Task AssertUnchangedAsync()
    {
        Assert.Equal(_before, await RepresentationAsync());
        Assert.Empty(_settings.Modifications);
    }

    [Fact]
    public async Task Put_changes_the_properties_sent_and_replies_with_the_representation_as_it_now_is()
    {
        var request = PutOf(Instance("<p:ElementName>web-2</p:ElementName><p:Notes>x</p:Notes><p:Notes>y</p:Notes><p:Notes>z</p:Notes>"));

        var reply = (await _service.SendAsync(request)).AssertOk();

        Assert.Equal(Put + "Response", reply.Action);
        Assert.Equal(request.MessageId, reply.RelatesTo);
        Assert.Equal(V + Vssd, reply.Content.Name);
        Assert.Equal("web-2", reply.Content.Element(V + "ElementName")!.Value);
        Assert.Equal(["x", "y", "z"], reply.Content.Elements(V + "Notes").Select(e => e.Value));
        Assert.Equal(("front end", "2", "vs1"), (reply.Content.Element(V + "Description")!.Value, reply.Content.Element(V + "AutomaticStartupAction")!.Value, reply.Content.Element(V + "InstanceID")!.Value));
        var modified = Assert.Single(_settings.Modifications);
        Assert.Equal(["InstanceID", "ElementName", "Notes"], modified.SpecifiedProperties.Select(p => p.Name));
        Assert.Equal(reply.Content.ToString(), await RepresentationAsync());
    }

    [Fact]
    public async Task A_nil_property_is_set_to_NULL_and_an_absent_one_is_left_alone()
    {
        var reply = (await _service.SendAsync(PutOf(Instance("""<p:Description xsi:nil="true"/><p:ElementName>web</p:ElementName>""")))).AssertOk();

        Assert.Equal("true", reply.Content.Element(V + "Description")!.Attribute(Ns.Xsi + "nil")!.Value);
        Assert.Equal("2", reply.Content.Element(V + "AutomaticStartupAction")!.Value);
        var modified = Assert.Single(_settings.Modifications);
        Assert.True(modified.IsSpecified("Description") && modified["Description"].IsNull);
        Assert.False(modified.IsSpecified("AutomaticStartupAction"));
        Assert.False(modified.IsSpecified("Notes"));
    }

    [Fact]
    public async Task The_body_may_repeat_the_keys_and_the_resource_URI_may_name_a_superclass()
    {
        var request = PutOf(Instance("<p:InstanceID>vs1</p:InstanceID><p:ElementName>web-3</p:ElementName>"), "CIM_SettingData");

        var reply = (await _service.SendAsync(request)).AssertOk();

        Assert.Equal(V + Vssd, reply.Content.Name);
        Assert.Equal("web-3", reply.Content.Element(V + "ElementName")!.Value);
    }

    [Fact]
    public async Task A_WMI_resource_URI_is_answered_in_its_own_namespace()
    {
        const string wmi = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/" + Vssd;
        var request = PutOf($"""<p:{Vssd} xmlns:p="{wmi}"><p:ElementName>web-4</p:ElementName></p:{Vssd}>""") with { ResourceUri = wmi };

        var reply = (await _service.SendAsync(request)).AssertOk();

        Assert.Equal("web-4", reply.Content.Element(XName.Get("ElementName", wmi))!.Value);
    }

    [Fact]
    public async Task Only_the_properties_a_Windows_client_lists_as_modified_are_applied()
    {
        var request = PutOf(Instance("<p:InstanceID>vs1</p:InstanceID><p:ElementName>web-5</p:ElementName><p:Description>stale</p:Description><p:Notes>stale</p:Notes>"))
            .WithHeader("""
                <wsman:OptionSet><wsman:Option Name="wmiarray:__MIInstanceModifiedPropertiesList" Type="xs:string">ElementName</wsman:Option>
                <wsman:Option Name="wmiarray:__MIInstanceModifiedPropertiesList" Type="xs:string">notes</wsman:Option></wsman:OptionSet>
                """);

        var reply = (await _service.SendAsync(request)).AssertOk();

        Assert.Equal(("web-5", "front end"), (reply.Content.Element(V + "ElementName")!.Value, reply.Content.Element(V + "Description")!.Value));
        Assert.Equal(["stale"], reply.Content.Elements(V + "Notes").Select(e => e.Value));
        Assert.Equal(["InstanceID", "ElementName", "Notes"], Assert.Single(_settings.Modifications).SpecifiedProperties.Select(p => p.Name));
    }

    [Theory]
    [InlineData("<p:InstanceID>vs2</p:InstanceID><p:ElementName>x</p:ElementName>", "InvalidValues",
        "The representation gives the key InstanceID as 'vs2', but the resource's is 'vs1': a Put cannot change the keys that identify a resource.")]
    [InlineData("""<p:InstanceID xsi:nil="true"/>""", "InvalidValues",
        "The representation gives the key InstanceID as 'NULL', but the resource's is 'vs1': a Put cannot change the keys that identify a resource.")]
    [InlineData("<p:AutomaticStartupAction>soon</p:AutomaticStartupAction>", "InvalidValues", "AutomaticStartupAction: 'soon' is not an integer.")]
    [InlineData("<p:ElementName>a</p:ElementName><p:ElementName>b</p:ElementName>", "InvalidValues", "Property ElementName is not an array but was given more than once.")]
    public async Task A_representation_with_wrong_values_is_InvalidRepresentation_and_changes_nothing(string properties, string detail, string reason)
    {
        var reply = await _service.SendAsync(PutOf(Instance(properties)));

        reply.AssertSenderFault("wxf:InvalidRepresentation", detail);
        Assert.Equal(reason, reply.Reason);
        Assert.Equal(Ns.TransferFaultAction, reply.Action);
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("<p:Bogus>1</p:Bogus>", Vssd, "CIM_VirtualSystemSettingData has no property Bogus.")]
    [InlineData("<p:ElementName>x</p:ElementName>", "CIM_ComputerSystem",
        "The body of a Put to CIM_VirtualSystemSettingData is its instance element (CIM_VirtualSystemSettingData, or a class derived from it), not p:CIM_ComputerSystem.")]
    [InlineData("<p:ElementName>x</p:ElementName>", "CIM_SettingData",
        "The body of a Put to CIM_VirtualSystemSettingData is its instance element (CIM_VirtualSystemSettingData, or a class derived from it), not p:CIM_SettingData.")]
    [InlineData("<p:ElementName>x</p:ElementName>", "CIM_Nope",
        "The body of a Put to CIM_VirtualSystemSettingData is its instance element (CIM_VirtualSystemSettingData, or a class derived from it), not p:CIM_Nope.")]
    public async Task A_body_that_is_not_the_resource_class_is_SchemaValidationError_and_changes_nothing(string properties, string element, string reason)
    {
        var reply = await _service.SendAsync(PutOf(Instance(properties, element)));

        reply.AssertSenderFault("wsman:SchemaValidationError");
        Assert.Equal(reason, reply.Reason);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task The_instance_element_in_another_namespace_is_InvalidRepresentation_InvalidNamespace()
    {
        var reply = await _service.SendAsync(PutOf($"""<x:{Vssd} xmlns:x="urn:elsewhere"><x:ElementName>x</x:ElementName></x:{Vssd}>"""));

        reply.AssertSenderFault("wxf:InvalidRepresentation", "InvalidNamespace");
        Assert.Equal($"The {Vssd} element is in the namespace 'urn:elsewhere', not in its class's ({Ns.ClassPrefix}{Vssd}).", reply.Reason);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task An_empty_body_is_InvalidRepresentation_MissingValues_and_the_fault_declares_its_prefix()
    {
        var reply = await _service.SendAsync(PutOf(""));

        reply.AssertSenderFault("wxf:InvalidRepresentation", "MissingValues");
        var subcode = reply.Fault!.Element(Ns.S + "Code")!.Element(Ns.S + "Subcode")!.Element(Ns.S + "Value")!;
        Assert.Equal(Ns.Wxf, subcode.GetNamespaceOfPrefix("wxf"));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_body_with_more_than_the_representation_is_InvalidRepresentation()
    {
        var reply = await _service.SendAsync(PutOf(Instance("<p:ElementName>x</p:ElementName>") + "<extra/>"));

        reply.AssertSenderFault("wxf:InvalidRepresentation", "InvalidValues");
        Assert.Equal("A Put carries one representation; extra follows it in the body.", reply.Reason);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_class_whose_instances_cannot_be_modified_answers_ActionNotSupported()
    {
        var before = await RepresentationAsync(Rasd, "rasd1");

        var reply = await _service.SendAsync(PutOf(Instance("<p:ElementName>x</p:ElementName>", Rasd), Rasd, "rasd1"));

        reply.AssertSenderFault("wsa:ActionNotSupported");
        Assert.Equal("CIM_ResourceAllocationSettingData instances cannot be modified.", reply.Reason);
        Assert.Equal(before, await RepresentationAsync(Rasd, "rasd1"));
    }

    [Fact]
    public async Task A_Put_of_an_instance_that_does_not_exist_is_DestinationUnreachable()
    {
        var reply = await _service.SendAsync(PutOf(Instance("<p:ElementName>x</p:ElementName>"), id: "vs-missing"));

        reply.AssertSenderFault("wsa:DestinationUnreachable");
        Assert.Null(reply.Detail);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_fragment_Put_is_UnsupportedFeature_FragmentLevelAccess()
    {
        var request = PutOf("<wsman:XmlFragment><ElementName>x</ElementName></wsman:XmlFragment>")
            .WithHeader("""<wsman:FragmentTransfer s:mustUnderstand="true">ElementName</wsman:FragmentTransfer>""");

        var reply = await _service.SendAsync(request);

        reply.AssertSenderFault("wsman:UnsupportedFeature", "FragmentLevelAccess");
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_Put_whose_reply_does_not_fit_MaxEnvelopeSize_reports_that_it_succeeded_all_the_same()
    {
        var name = new string('n', 10_000);

        var reply = await _service.SendAsync(PutOf(Instance($"<p:ElementName>{name}</p:ElementName>")).WithMaxEnvelopeSize(8192));

        reply.AssertSenderFault("wsman:EncodingLimit", "UnreportableSuccess");
        Assert.Equal(name, (await _service.SendAsync(Request.GetOf(Vssd, ("InstanceID", "vs1")))).AssertOk().Content.Element(V + "ElementName")!.Value);
    }
}
