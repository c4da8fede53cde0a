using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>The WS-Management control headers (DSP0226 clause 6): OperationTimeout, Locale, DataLocale, OptionSet.</summary>
public sealed class ControlHeaderTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly (string Name, string Value)[] HostSelectors =
        [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)];

    private async Task<WsManReply> GetHostAsync(string extraHeaders)
    {
        using var client = server.Client();
        return await client.PostAsync(Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"), HostSelectors, extraHeaders: extraHeaders));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("30")]
    [InlineData("2026-01-01T00:00:00Z")]
    [InlineData("")]
    public async Task An_unparsable_OperationTimeout_is_InvalidMessageInformationHeader(string timeout)
    {
        var reply = await GetHostAsync($"<wsman:OperationTimeout>{timeout}</wsman:OperationTimeout>");
        reply.AssertFault("wsa:InvalidMessageInformationHeader");
        Assert.Contains("OperationTimeout", reply.Reason);
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("PT0.000S")]
    public async Task A_zero_OperationTimeout_is_TimedOut(string timeout)
    {
        var reply = await GetHostAsync($"<wsman:OperationTimeout>{timeout}</wsman:OperationTimeout>");
        reply.AssertFault("wsman:TimedOut");
        Assert.Equal("s:Receiver", reply.FaultCode);
    }

    [Theory]
    [InlineData("PT30.0S")]
    [InlineData("PT60S")]
    [InlineData("P1D")]
    public async Task A_valid_OperationTimeout_is_honoured(string timeout)
    {
        var reply = (await GetHostAsync($"<wsman:OperationTimeout s:mustUnderstand=\"true\">{timeout}</wsman:OperationTimeout>")).AssertOk();
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }

    [Fact]
    public async Task An_unsupported_Locale_that_must_be_understood_is_UnsupportedFeature_Locale()
    {
        var reply = await GetHostAsync("<wsman:Locale xml:lang=\"de-DE\" s:mustUnderstand=\"true\"/>");
        reply.AssertFault("wsman:UnsupportedFeature", "Locale");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("en")]
    public async Task An_English_Locale_that_must_be_understood_is_honoured_with_xml_lang(string lang)
    {
        var reply = (await GetHostAsync($"<wsman:Locale xml:lang=\"{lang}\" s:mustUnderstand=\"true\"/>")).AssertOk();
        Assert.Equal("en-US", reply.Xml.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }

    [Fact]
    public async Task A_fault_to_an_English_Locale_is_in_that_language()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_NoSuchClass"), HostSelectors,
            extraHeaders: "<wsman:Locale xml:lang=\"en-US\" s:mustUnderstand=\"true\"/>"));

        reply.AssertFault("wsa:DestinationUnreachable", "InvalidResourceURI");
        Assert.Equal("en-US", reply.Xml.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal("en-US", reply.Fault!.Element(Ns.S + "Reason")!.Element(Ns.S + "Text")!.Attribute(XNamespace.Xml + "lang")!.Value);
    }

    [Theory]
    [InlineData("s:mustUnderstand=\"false\"")]
    [InlineData("")]
    public async Task An_unsupported_optional_Locale_is_a_hint_only(string attribute)
    {
        var reply = (await GetHostAsync($"<wsman:Locale xml:lang=\"de-DE\" {attribute}/>")).AssertOk();
        Assert.Null(reply.Xml.Root!.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }

    [Fact]
    public async Task An_unsupported_DataLocale_that_must_be_understood_is_UnsupportedFeature_DataLocale()
    {
        var reply = await GetHostAsync("<wsmv:DataLocale xmlns:wsmv=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\" xml:lang=\"fr-FR\" s:mustUnderstand=\"true\"/>");
        reply.AssertFault("wsman:UnsupportedFeature", "DataLocale");
    }

    [Fact]
    public async Task An_Option_that_must_be_complied_with_is_InvalidOptions_NotSupported()
    {
        var reply = await GetHostAsync("<wsman:OptionSet><wsman:Option Name=\"ShowExtensions\" MustComply=\"true\">true</wsman:Option></wsman:OptionSet>");
        reply.AssertFault("wsman:InvalidOptions", "NotSupported");
        Assert.Contains("ShowExtensions", reply.Reason);
    }

    [Theory]
    [InlineData("<wsman:OptionSet><wsman:Option Name=\"ShowExtensions\">true</wsman:Option></wsman:OptionSet>")]
    [InlineData("<wsman:OptionSet s:mustUnderstand=\"true\"><wsman:Option Name=\"ShowExtensions\" MustComply=\"false\">true</wsman:Option></wsman:OptionSet>")]
    public async Task An_Option_without_MustComply_is_ignored(string optionSet)
    {
        var reply = (await GetHostAsync(optionSet)).AssertOk();
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }
}
