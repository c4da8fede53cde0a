using System.Text;
using WsManSvp.Hypervisor;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class EnumerationPackingTests : IAsyncLifetime
{
    private const int SmallEnvelope = 8192;

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync(extraSystems: 40);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<List<string>> ExpectedNamesAsync()
    {
        var names = new List<string> { TestService.HostName };
        await foreach (var s in _service.Simulator.ListSystemsAsync(CancellationToken.None)) names.Add(s.Id.ToString("D"));
        return names;
    }

    /// <summary>The items exactly as they were written in the reply, between the Items tags.</summary>
    private static string RawItems(Reply reply)
    {
        var text = reply.Text;
        var start = text.IndexOf("<wsen:Items>", StringComparison.Ordinal) + "<wsen:Items>".Length;
        return text[start..text.IndexOf("</wsen:Items>", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Pulls_limited_by_MaxEnvelopeSize_pack_fewer_items_and_lose_or_repeat_none()
    {
        var context = await _service.OpenAsync();

        var batches = await _service.PullAllAsync(context, c => Request.PullOf(c, maxElements: 1000).WithMaxEnvelopeSize(SmallEnvelope));

        Assert.True(batches.Count > 2, $"{batches.Count} replies: the limit did not bite");
        Assert.All(batches, b => Assert.InRange(b.Reply.Bytes.Length, 1, SmallEnvelope));
        Assert.All(batches, b => Assert.NotEmpty(b.Items));
        Assert.Equal(await ExpectedNamesAsync(), batches.SelectMany(b => b.Items).Names());
        Assert.True(batches[^1].EndOfSequence);
    }

    [Fact]
    public async Task An_optimized_Enumerate_limited_by_MaxEnvelopeSize_continues_where_it_stopped()
    {
        var first = Batch.FromEnumerate(await _service.SendAsync(Request.OptimizedEnumerate(1000).WithMaxEnvelopeSize(SmallEnvelope)));

        var rest = await _service.PullAllAsync(first.ContextId!, c => Request.PullOf(c, maxElements: 1000).WithMaxEnvelopeSize(SmallEnvelope));

        Assert.InRange(first.Reply.Bytes.Length, 1, SmallEnvelope);
        Assert.InRange(first.Items.Count, 1, _service.ComputerSystemCount - 1);
        Assert.False(first.EndOfSequence);
        Assert.Equal(await ExpectedNamesAsync(), first.Items.Concat(rest.SelectMany(b => b.Items)).Names());
    }

    [Fact]
    public async Task Pulls_limited_by_MaxCharacters_stay_within_it_and_lose_or_repeat_none()
    {
        var context = await _service.OpenAsync();
        var probe = Batch.FromPull(await _service.SendAsync(Request.PullOf(context)));
        var itemSize = RawItems(probe.Reply).Length;
        var maxCharacters = itemSize * 5 / 2;

        var batches = await _service.PullAllAsync(context, c => Request.PullOf(c, maxElements: 1000, maxCharacters: maxCharacters));

        Assert.All(batches, b => Assert.InRange(RawItems(b.Reply).Length, 1, maxCharacters));
        Assert.Contains(batches, b => b.Items.Count > 1);
        Assert.Equal(await ExpectedNamesAsync(), probe.Items.Concat(batches.SelectMany(b => b.Items)).Names());
    }

    [Fact]
    public async Task An_item_larger_than_MaxCharacters_is_an_EncodingLimit_and_stays_for_the_next_Pull()
    {
        var context = await _service.OpenAsync();

        var refused = await _service.SendAsync(Request.PullOf(context, maxCharacters: 50));
        var next = Batch.FromPull(await _service.SendAsync(Request.PullOf(context)));

        refused.AssertSenderFault("wsman:EncodingLimit", "MaxEnvelopeSize");
        Assert.Contains("MaxCharacters", refused.Reason);
        Assert.Equal([TestService.HostName], next.Items.Names());
    }

    [Fact]
    public async Task An_item_larger_than_the_envelope_is_an_EncodingLimit_and_stays_for_a_Pull_with_more_room()
    {
        var big = await _service.Simulator.DefineSystemAsync(new SystemDefinition("big", 1, 512, [], [])
        {
            Uuid = Guid.Parse("00000000-0000-0000-0000-000000000001"), // sorts first among the systems
            Description = new string('d', 2 * SmallEnvelope),
        }, CancellationToken.None);
        var context = await _service.OpenAsync();
        Assert.Equal([TestService.HostName], Batch.FromPull(await _service.SendAsync(Request.PullOf(context))).Items.Names());

        var refused = await _service.SendAsync(Request.PullOf(context).WithMaxEnvelopeSize(SmallEnvelope));
        var roomy = Batch.FromPull(await _service.SendAsync(Request.PullOf(context)));

        refused.AssertSenderFault("wsman:EncodingLimit", "MaxEnvelopeSize");
        Assert.InRange(refused.Bytes.Length, 1, SmallEnvelope);
        Assert.Equal([big.Id.ToString("D")], roomy.Items.Names());
        Assert.True(Encoding.UTF8.GetByteCount(roomy.Reply.Text) > SmallEnvelope);
    }
}
