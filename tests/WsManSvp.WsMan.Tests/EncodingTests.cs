using System.Text;
using WsManSvp.Hypervisor;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class EncodingTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static Request HostGet => Request.GetOf("CIM_ComputerSystem", ("Name", TestService.HostName));

    private static byte[] Utf16(string xml, Encoding encoding) =>
        [.. encoding.GetPreamble(), .. encoding.GetBytes(xml.Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\""))];

    /// <summary>Defines a system whose description makes its representation about <paramref name="descriptionLength"/> octets larger.</summary>
    private async Task<Guid> DefineWithDescriptionAsync(int descriptionLength) =>
        (await _service.Simulator.DefineSystemAsync(new SystemDefinition("wordy", 1, 512, [], [])
        {
            Description = new string('w', descriptionLength),
        }, CancellationToken.None)).Id;

    private static Request SystemGet(Guid id) =>
        Request.GetOf("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", id.ToString("D")));

    [Fact]
    public async Task A_UTF_8_request_gets_a_UTF_8_reply()
    {
        var reply = (await _service.SendAsync(HostGet)).AssertOk();

        Assert.Equal("application/soap+xml;charset=UTF-8", reply.ContentType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", Encoding.UTF8.GetString(reply.Bytes));
    }

    [Fact]
    public async Task A_UTF_16_request_with_a_byte_order_mark_gets_a_UTF_16_reply()
    {
        var reply = (await _service.SendAsync(Utf16(HostGet.Build(), Encoding.Unicode))).AssertOk();

        Assert.Equal("application/soap+xml;charset=UTF-16", reply.ContentType);
        Assert.Equal([0xFF, 0xFE], reply.Bytes[..2]);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", reply.Text);
        Assert.Equal(TestService.HostName, reply.Content.Element(Ns.Class("CIM_ComputerSystem") + "Name")!.Value);
    }

    [Fact]
    public async Task A_big_endian_UTF_16_request_gets_a_UTF_16_reply_with_its_byte_order_mark()
    {
        var reply = (await _service.SendAsync(Utf16(HostGet.Build(), new UnicodeEncoding(bigEndian: true, byteOrderMark: true)))).AssertOk();

        Assert.Equal("application/soap+xml;charset=UTF-16", reply.ContentType);
        Assert.Equal(TestService.HostName, reply.Content.Element(Ns.Class("CIM_ComputerSystem") + "Name")!.Value);
    }

    [Fact]
    public async Task A_UTF_16_request_without_a_byte_order_mark_is_recognised_by_its_first_character()
    {
        var reply = (await _service.SendAsync(Encoding.Unicode.GetBytes(HostGet.Build().Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")))).AssertOk();

        Assert.Equal("application/soap+xml;charset=UTF-16", reply.ContentType);
        Assert.Equal(TestService.HostName, reply.Content.Element(Ns.Class("CIM_ComputerSystem") + "Name")!.Value);
    }

    [Fact]
    public async Task A_fault_to_a_UTF_16_request_is_in_UTF_16_too()
    {
        var reply = await _service.SendAsync(Utf16(Request.GetOf("CIM_NoSuchClass").Build(), Encoding.Unicode));

        reply.AssertSenderFault("wsa:DestinationUnreachable", "InvalidResourceURI");
        Assert.Equal("application/soap+xml;charset=UTF-16", reply.ContentType);
        Assert.Equal([0xFF, 0xFE], reply.Bytes[..2]);
    }

    [Fact]
    public async Task A_reply_larger_than_MaxEnvelopeSize_is_replaced_by_an_EncodingLimit_fault()
    {
        var id = await DefineWithDescriptionAsync(10_000);

        var full = (await _service.SendAsync(SystemGet(id))).AssertOk();
        var limited = await _service.SendAsync(SystemGet(id).WithMaxEnvelopeSize(8192));

        Assert.True(full.Bytes.Length > 8192);
        limited.AssertSenderFault("wsman:EncodingLimit", "MaxEnvelopeSize");
        Assert.Equal("2150858824", limited.Fault!.Element(Ns.S + "Detail")!.Element(Ns.WsManFault + "WSManFault")!.Attribute("Code")!.Value);
        Assert.InRange(limited.Bytes.Length, 1, 8192);
    }

    [Fact]
    public async Task The_service_limit_applies_when_the_request_sets_none()
    {
        _service.Options.MaxEnvelopeSize = 8192;
        var id = await DefineWithDescriptionAsync(10_000);

        var reply = await _service.SendAsync(SystemGet(id));

        reply.AssertSenderFault("wsman:EncodingLimit", "MaxEnvelopeSize");
    }

    [Fact]
    public async Task MaxEnvelopeSize_counts_the_octets_on_the_wire_so_UTF_16_fits_half_as_much()
    {
        var id = await DefineWithDescriptionAsync(4_000);
        var request = SystemGet(id).WithMaxEnvelopeSize(9000);

        var utf8 = (await _service.SendAsync(request)).AssertOk();
        var utf16 = await _service.SendAsync(Utf16(request.Build(), Encoding.Unicode));

        Assert.InRange(utf8.Bytes.Length, 4_000, 9000);
        utf16.AssertSenderFault("wsman:EncodingLimit", "MaxEnvelopeSize");
        Assert.InRange(utf16.Bytes.Length, 1, 9000);
    }
}
