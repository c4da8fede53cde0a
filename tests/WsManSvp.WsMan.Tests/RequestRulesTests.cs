using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Soap;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class RequestRulesTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static Request HostGet => Request.GetOf("CIM_ComputerSystem", ("Name", TestService.HostName));

    [Fact]
    public async Task A_request_with_every_header_right_is_answered()
    {
        var reply = (await _service.SendAsync(HostGet.WithMaxEnvelopeSize(8192).WithOperationTimeout("PT10S"))).AssertOk();

        Assert.Equal(TestService.HostName, reply.Content.Element(Ns.Class("CIM_ComputerSystem") + "Name")!.Value);
    }

    [Fact]
    public async Task A_missing_Action_is_MessageInformationHeaderRequired()
    {
        var reply = await _service.SendAsync(HostGet with { Action = null });

        reply.AssertSenderFault("wsa:MessageInformationHeaderRequired");
        Assert.Contains("wsa:Action", reply.Reason);
    }

    [Fact]
    public async Task A_missing_MessageID_is_MessageInformationHeaderRequired_and_the_fault_relates_to_nothing()
    {
        var reply = await _service.SendAsync(HostGet with { MessageId = null });

        reply.AssertSenderFault("wsa:MessageInformationHeaderRequired");
        Assert.Contains("wsa:MessageID", reply.Reason);
        Assert.Null(reply.RelatesTo);
    }

    [Fact]
    public async Task An_empty_MessageID_is_an_InvalidMessageInformationHeader()
    {
        var reply = await _service.SendAsync(HostGet with { MessageId = "" });

        reply.AssertSenderFault("wsa:InvalidMessageInformationHeader");
        Assert.Contains("MessageID", reply.Reason);
    }

    [Fact]
    public async Task A_missing_To_is_MessageInformationHeaderRequired()
    {
        var reply = await _service.SendAsync(HostGet with { To = null });

        reply.AssertSenderFault("wsa:MessageInformationHeaderRequired");
        Assert.Contains("wsa:To", reply.Reason);
    }

    [Fact]
    public async Task A_missing_ReplyTo_is_MessageInformationHeaderRequired()
    {
        var reply = await _service.SendAsync(HostGet with { ReplyTo = null });

        reply.AssertSenderFault("wsa:MessageInformationHeaderRequired");
        Assert.Contains("wsa:ReplyTo", reply.Reason);
    }

    [Fact]
    public async Task A_ReplyTo_other_than_anonymous_is_an_unsupported_AddressingMode()
    {
        var reply = await _service.SendAsync(HostGet with { ReplyTo = "http://client.example/replies" });

        reply.AssertSenderFault("wsman:UnsupportedFeature", "AddressingMode");
    }

    [Fact]
    public async Task A_FaultTo_other_than_anonymous_is_an_unsupported_AddressingMode()
    {
        var reply = await _service.SendAsync(HostGet.WithHeader("<wsa:FaultTo><wsa:Address>http://client.example/faults</wsa:Address></wsa:FaultTo>"));

        reply.AssertSenderFault("wsman:UnsupportedFeature", "AddressingMode");
        Assert.Contains("wsa:FaultTo", reply.Reason);
    }

    [Theory]
    [InlineData("big")]
    [InlineData("-9000")]
    [InlineData("")]
    public async Task A_MaxEnvelopeSize_that_is_not_a_number_is_an_InvalidMessageInformationHeader(string value)
    {
        var reply = await _service.SendAsync(HostGet.WithHeader($"<wsman:MaxEnvelopeSize>{value}</wsman:MaxEnvelopeSize>"));

        reply.AssertSenderFault("wsa:InvalidMessageInformationHeader");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8191)]
    public async Task A_MaxEnvelopeSize_below_8192_is_the_MinimumEnvelopeLimit(int size)
    {
        var reply = await _service.SendAsync(HostGet.WithMaxEnvelopeSize(size));

        reply.AssertSenderFault("wsman:EncodingLimit", "MinimumEnvelopeLimit");
    }

    [Theory]
    [InlineData("30 seconds")]
    [InlineData("2026-03-01T12:00:00Z")]
    [InlineData("")]
    public async Task An_OperationTimeout_that_is_not_a_duration_is_an_InvalidMessageInformationHeader(string value)
    {
        var reply = await _service.SendAsync(HostGet.WithOperationTimeout(value));

        reply.AssertSenderFault("wsa:InvalidMessageInformationHeader");
        Assert.Contains("OperationTimeout", reply.Reason);
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("PT0.000S")]
    public async Task A_zero_OperationTimeout_has_already_TimedOut(string value)
    {
        var reply = await _service.SendAsync(HostGet.WithOperationTimeout(value));

        reply.AssertFault("s:Receiver", "wsman:TimedOut");
    }

    [Fact]
    public async Task A_Locale_that_must_be_understood_and_is_not_English_is_an_unsupported_Locale()
    {
        var reply = await _service.SendAsync(HostGet.WithHeader("<wsman:Locale xml:lang=\"fr-FR\" s:mustUnderstand=\"true\"/>"));

        reply.AssertSenderFault("wsman:UnsupportedFeature", "Locale");
        Assert.Contains("fr-FR", reply.Reason);
    }

    [Fact]
    public async Task An_English_Locale_that_must_be_understood_is_honoured_with_xml_lang_on_the_reply()
    {
        var reply = (await _service.SendAsync(HostGet.WithHeader("<wsman:Locale xml:lang=\"en-GB\" s:mustUnderstand=\"true\"/>"))).AssertOk();

        Assert.Equal("en-US", reply.Xml.Root!.Attribute(Ns.Xml + "lang")?.Value);
    }

    [Fact]
    public async Task A_Locale_that_need_not_be_understood_is_only_a_hint()
    {
        var reply = (await _service.SendAsync(HostGet.WithHeader("<wsman:Locale xml:lang=\"fr-FR\" s:mustUnderstand=\"false\"/>"))).AssertOk();

        Assert.Null(reply.Xml.Root!.Attribute(Ns.Xml + "lang"));
    }

    [Fact]
    public async Task A_DataLocale_that_must_be_understood_and_is_not_English_is_an_unsupported_DataLocale()
    {
        var reply = await _service.SendAsync(HostGet.WithHeader(
            "<p:DataLocale xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\" xml:lang=\"de-DE\" s:mustUnderstand=\"true\"/>"));

        reply.AssertSenderFault("wsman:UnsupportedFeature", "DataLocale");
    }

    [Fact]
    public async Task An_option_that_must_be_complied_with_is_refused_as_InvalidOptions_NotSupported()
    {
        var reply = await _service.SendAsync(HostGet.WithHeader(
            "<wsman:OptionSet><wsman:Option Name=\"ShowExtensions\" MustComply=\"true\">true</wsman:Option></wsman:OptionSet>"));

        reply.AssertSenderFault("wsman:InvalidOptions", "NotSupported");
        Assert.Contains("ShowExtensions", reply.Reason);
    }

    [Fact]
    public async Task An_option_without_MustComply_is_ignored()
    {
        (await _service.SendAsync(HostGet.WithHeader(
            "<wsman:OptionSet s:mustUnderstand=\"true\"><wsman:Option Name=\"ShowExtensions\">true</wsman:Option></wsman:OptionSet>"))).AssertOk();
    }

    [Fact]
    public void The_limits_are_the_smaller_of_the_request_and_the_service()
    {
        var options = new WsManOptions { MaxEnvelopeSize = 100_000, MaxOperationTimeout = TimeSpan.FromSeconds(60) };
        RequestHeaders Headers(string? size, string? timeout) => new()
        {
            Action = Request.Get, MessageId = "uuid:1", To = "http://x/wsman", HasReplyTo = true, ReplyTo = Ns.Anonymous,
            MaxEnvelopeSize = size, OperationTimeout = timeout,
        };

        Assert.Equal(new RequestRules.Limits(TimeSpan.FromSeconds(60), 100_000, null), RequestRules.Check(Headers(null, null), options));
        Assert.Equal(new RequestRules.Limits(TimeSpan.FromSeconds(1.5), 9000, null), RequestRules.Check(Headers("9000", "PT1.5S"), options));
        Assert.Equal(new RequestRules.Limits(TimeSpan.FromSeconds(60), 100_000, null), RequestRules.Check(Headers("99999999999", "PT1H"), options));
    }

    [Fact]
    public void The_first_broken_rule_decides_the_fault()
    {
        var headers = new RequestHeaders { Action = Request.Get, To = "http://x/wsman" };

        var e = Assert.Throws<WsManFaultException>(() => RequestRules.Check(headers, new WsManOptions()));

        Assert.Equal("wsa:MessageInformationHeaderRequired", e.Fault.Subcode);
        Assert.Contains("wsa:MessageID", e.Fault.Reason);
    }
}
