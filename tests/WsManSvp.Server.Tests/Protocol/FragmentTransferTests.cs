using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>wsman:FragmentTransfer on Get (DSP0226 7.7): XPath level 1 on one property.</summary>
public sealed class FragmentTransferTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string XPath = "http://www.w3.org/TR/1999/REC-xpath-19991116";

    private async Task<WsManReply> GetFragmentAsync(string expression, string? dialect = null, string action = Envelopes.Get)
    {
        var dialectAttribute = dialect is null ? "" : $" Dialect=\"{dialect}\"";
        using var client = server.Client();
        return await client.PostAsync(Envelopes.Build(action, Envelopes.ClassUri("CIM_ComputerSystem"),
            [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)],
            body: action == Envelopes.Enumerate ? "<wsen:Enumerate/>" : "",
            extraHeaders: $"<wsman:FragmentTransfer s:mustUnderstand=\"true\"{dialectAttribute}>{Envelopes.Escape(expression)}</wsman:FragmentTransfer>"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(XPath)]
    public async Task A_property_is_returned_as_its_element_in_an_XmlFragment(string? dialect)
    {
        var reply = (await GetFragmentAsync("Name", dialect)).AssertOk();

        var fragment = reply.Content;
        Assert.Equal(Ns.WsMan + "XmlFragment", fragment.Name);
        var property = Assert.Single(fragment.Elements());
        Assert.Equal(Ns.Class("CIM_ComputerSystem") + "Name", property.Name);
        Assert.Equal(ServerFixture.HostName, property.Value);
    }

    [Fact]
    public async Task Text_returns_the_bare_value()
    {
        var reply = (await GetFragmentAsync("Name/text()")).AssertOk();

        var fragment = reply.Content;
        Assert.Equal(Ns.WsMan + "XmlFragment", fragment.Name);
        Assert.Empty(fragment.Elements());
        Assert.Equal(ServerFixture.HostName, fragment.Value);
    }

    [Fact]
    public async Task An_index_selects_one_array_element()
    {
        var reply = (await GetFragmentAsync("OperationalStatus[1]")).AssertOk();

        var property = Assert.Single(reply.Content.Elements());
        Assert.Equal(Ns.Class("CIM_ComputerSystem") + "OperationalStatus", property.Name);
        Assert.Equal("2", property.Value);
    }

    [Fact]
    public async Task A_whole_array_property_is_every_element()
    {
        var reply = (await GetFragmentAsync("IdentifyingDescriptions")).AssertOk();
        Assert.Equal(["CIM:GUID"], reply.Content.Elements(Ns.Class("CIM_ComputerSystem") + "IdentifyingDescriptions").Select(e => e.Value));
    }

    [Fact]
    public async Task A_null_property_is_nil()
    {
        var reply = (await GetFragmentAsync("InstallDate")).AssertOk();
        var property = Assert.Single(reply.Content.Elements());
        Assert.Equal("true", property.Attribute(Ns.Xsi + "nil")!.Value);
    }

    [Fact]
    public async Task An_index_past_the_array_is_DestinationUnreachable()
    {
        var reply = await GetFragmentAsync("OperationalStatus[5]");
        reply.AssertFault("wsa:DestinationUnreachable");
    }

    [Theory]
    [InlineData("NoSuchProperty")]
    [InlineData("/s:Envelope/s:Body")]
    [InlineData("Name[0]")]
    [InlineData("Name | Caption")]
    public async Task An_unknown_property_or_unsupported_expression_is_CannotProcessFilter(string expression)
    {
        var reply = await GetFragmentAsync(expression);
        reply.AssertFault("wsman:CannotProcessFilter");
    }

    [Fact]
    public async Task An_unsupported_dialect_is_FragmentDialectNotSupported()
    {
        var reply = await GetFragmentAsync("Name", "http://example.com/my-own-fragment-language");
        reply.AssertFault("wsman:FragmentDialectNotSupported");
        Assert.Equal("s:Receiver", reply.FaultCode);
    }

    [Fact]
    public async Task A_fragment_on_Enumerate_is_UnsupportedFeature_FragmentLevelAccess()
    {
        var reply = await GetFragmentAsync("Name", action: Envelopes.Enumerate);
        reply.AssertFault("wsman:UnsupportedFeature", "FragmentLevelAccess");
    }
}
