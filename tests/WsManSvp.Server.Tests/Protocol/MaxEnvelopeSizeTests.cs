using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>wsman:MaxEnvelopeSize (DSP0226 6.2): its minimum, and that no reply exceeds it.</summary>
public sealed class MaxEnvelopeSizeTests(ServerFixture server, LongHostNameServerFixture longNamed)
    : IClassFixture<ServerFixture>, IClassFixture<LongHostNameServerFixture>
{
    private const int Minimum = 8192;

    private static string MaxEnvelopeSize(int size) => $"<wsman:MaxEnvelopeSize s:mustUnderstand=\"true\">{size}</wsman:MaxEnvelopeSize>";

    private static string GetHost(string hostName, string extraHeaders) =>
        Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"),
            [("CreationClassName", "CIM_ComputerSystem"), ("Name", hostName)], extraHeaders: extraHeaders);

    [Theory]
    [InlineData(4096)]
    [InlineData(Minimum - 1)]
    public async Task A_size_below_8192_is_EncodingLimit_MinimumEnvelopeLimit(int size)
    {
        using var client = server.Client();
        var reply = await client.PostAsync(GetHost(ServerFixture.HostName, MaxEnvelopeSize(size)));
        reply.AssertFault("wsman:EncodingLimit", "MinimumEnvelopeLimit");
        Assert.Equal("s:Sender", reply.FaultCode);
    }

    [Fact]
    public async Task A_size_that_is_not_a_number_is_InvalidMessageInformationHeader()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(GetHost(ServerFixture.HostName, "<wsman:MaxEnvelopeSize>lots</wsman:MaxEnvelopeSize>"));
        reply.AssertFault("wsa:InvalidMessageInformationHeader");
    }

    [Fact]
    public async Task A_Get_reply_larger_than_MaxEnvelopeSize_is_EncodingLimit_MaxEnvelopeSize()
    {
        using var client = longNamed.Client();
        var reply = await client.PostAsync(GetHost(LongHostNameServerFixture.LongHostName, MaxEnvelopeSize(Minimum)));

        reply.AssertFault("wsman:EncodingLimit", "MaxEnvelopeSize");
        Assert.True(reply.Message.Content.Headers.ContentLength <= Minimum, $"The fault itself is {reply.Message.Content.Headers.ContentLength} octets.");
    }

    [Fact]
    public async Task The_same_Get_within_a_larger_MaxEnvelopeSize_is_answered()
    {
        using var client = longNamed.Client();
        var reply = (await client.PostAsync(GetHost(LongHostNameServerFixture.LongHostName, MaxEnvelopeSize(4 * Minimum)))).AssertOk();

        Assert.Equal(LongHostNameServerFixture.LongHostName, reply.Content.Prop("Name"));
        Assert.True(reply.Message.Content.Headers.ContentLength > Minimum, "The instance is meant to be larger than the minimum envelope.");
    }

    [Fact]
    public async Task An_enumeration_packs_fewer_items_so_every_reply_fits()
    {
        using var client = server.Client();
        var header = MaxEnvelopeSize(Minimum);
        var enumerate = (await client.PostAsync(Envelopes.Build(Envelopes.Enumerate, Envelopes.ClassUri("CIM_System"), extraHeaders: header,
            body: "<wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>100</wsman:MaxElements></wsen:Enumerate>"))).AssertOk();

        var sizes = new List<long> { enumerate.Message.Content.Headers.ContentLength!.Value };
        var batches = new List<int>();
        var response = enumerate.Content;
        var items = response.Element(Ns.WsMan + "Items")!.Elements().ToList();
        batches.Add(items.Count);
        var ended = response.Element(Ns.WsMan + "EndOfSequence") is not null;
        while (!ended)
        {
            var context = response.Element(Ns.Wsen + "EnumerationContext")!.Value;
            var pull = (await client.PostAsync(Envelopes.Build(Envelopes.Pull, Envelopes.ClassUri("CIM_System"), extraHeaders: header,
                body: $"<wsen:Pull><wsen:EnumerationContext>{context}</wsen:EnumerationContext><wsen:MaxElements>100</wsen:MaxElements></wsen:Pull>"))).AssertOk();
            sizes.Add(pull.Message.Content.Headers.ContentLength!.Value);
            response = pull.Content;
            var batch = response.Element(Ns.Wsen + "Items")!.Elements().ToList();
            Assert.NotEmpty(batch);
            batches.Add(batch.Count);
            items.AddRange(batch);
            ended = response.Element(Ns.Wsen + "EndOfSequence") is not null;
        }

        Assert.All(sizes, size => Assert.True(size <= Minimum, $"A reply of {size} octets exceeds MaxEnvelopeSize {Minimum}."));
        Assert.True(batches.Count > 1, "Every item fit in one reply; the test needs more than 8192 octets of items.");
        Assert.Equal(5, items.Count);
        Assert.Equal(5, items.Select(i => i.ToString()).Distinct().Count());
    }
}
