using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class EnumerationBatchTests : IAsyncLifetime
{
    private TestService _service = null!;

    // Host, four seeded systems and three more: eight instances.
    public async Task InitializeAsync() => _service = await TestService.StartAsync(extraSystems: 3);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    /// <summary>Host first, then the systems in UUID order.</summary>
    private async Task<List<string>> ExpectedNamesAsync()
    {
        var names = new List<string> { TestService.HostName };
        await foreach (var s in _service.Simulator.ListSystemsAsync(CancellationToken.None)) names.Add(s.Id.ToString("D"));
        return names;
    }

    [Fact]
    public async Task A_plain_Enumerate_returns_a_context_and_no_items()
    {
        var reply = (await _service.SendAsync(Request.EnumerateOf())).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse", reply.Action);
        var response = reply.Content;
        Assert.Equal([Ns.Wsen + "EnumerationContext"], response.Elements().Select(e => e.Name));
        Assert.StartsWith("uuid:", response.Element(Ns.Wsen + "EnumerationContext")!.Value);
        Assert.Equal(1, _service.Contexts.Count);
    }

    [Fact]
    public async Task Pull_without_MaxElements_returns_one_item_at_a_time_and_ends_with_the_last()
    {
        var context = await _service.OpenAsync();

        var batches = await _service.PullAllAsync(context, c => Request.PullOf(c));

        Assert.Equal(_service.ComputerSystemCount, batches.Count);
        Assert.All(batches, b => Assert.Single(b.Items));
        Assert.Equal(await ExpectedNamesAsync(), batches.SelectMany(b => b.Items).Names());
        Assert.All(batches.SkipLast(1), b => Assert.False(b.EndOfSequence));
    }

    [Fact]
    public async Task Pull_returns_MaxElements_items_and_EndOfSequence_comes_with_the_last_item()
    {
        var context = await _service.OpenAsync();

        var batches = await _service.PullAllAsync(context, c => Request.PullOf(c, maxElements: 4));

        Assert.Equal([4, 4], batches.Select(b => b.Items.Count));
        Assert.False(batches[0].EndOfSequence);
        Assert.Equal(context, batches[0].ContextId);
        Assert.True(batches[1].EndOfSequence);
        Assert.Equal(await ExpectedNamesAsync(), batches.SelectMany(b => b.Items).Names());
    }

    [Fact]
    public async Task The_final_PullResponse_names_no_context_and_the_context_is_gone()
    {
        var context = await _service.OpenAsync();

        var last = (await _service.PullAllAsync(context, c => Request.PullOf(c, maxElements: 100))).Single();

        Assert.True(last.EndOfSequence);
        Assert.Null(last.Context);
        Assert.Equal([Ns.Wsen + "Items", Ns.Wsen + "EndOfSequence"], last.Reply.Content.Elements().Select(e => e.Name));
        Assert.Equal(0, _service.Contexts.Count);
        (await _service.SendAsync(Request.PullOf(context))).AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
    }

    [Fact]
    public async Task An_optimized_Enumerate_without_MaxElements_returns_one_item_and_a_context()
    {
        var batch = Batch.FromEnumerate(await _service.SendAsync(Request.OptimizedEnumerate(null)));

        Assert.Equal([TestService.HostName], batch.Items.Names());
        Assert.False(batch.EndOfSequence);
        Assert.NotNull(batch.ContextId);
    }

    [Fact]
    public async Task An_optimized_Enumerate_that_returns_everything_keeps_an_empty_context_and_says_EndOfSequence()
    {
        var batch = Batch.FromEnumerate(await _service.SendAsync(Request.OptimizedEnumerate(100)));

        Assert.Equal(await ExpectedNamesAsync(), batch.Items.Names());
        Assert.True(batch.EndOfSequence);
        Assert.NotNull(batch.Context);
        Assert.Equal("", batch.Context.Value);
        Assert.Equal(
            [Ns.Wsen + "EnumerationContext", Ns.WsMan + "Items", Ns.WsMan + "EndOfSequence"],
            batch.Reply.Content.Elements().Select(e => e.Name));
        Assert.Equal(0, _service.Contexts.Count);
    }

    [Fact]
    public async Task An_optimized_Enumerate_continued_by_Pulls_delivers_each_item_once()
    {
        var first = Batch.FromEnumerate(await _service.SendAsync(Request.OptimizedEnumerate(3)));

        var rest = await _service.PullAllAsync(first.ContextId!, c => Request.PullOf(c, maxElements: 3));

        Assert.Equal(3, first.Items.Count);
        Assert.Equal([3, 2], rest.Select(b => b.Items.Count));
        Assert.Equal(await ExpectedNamesAsync(), first.Items.Concat(rest.SelectMany(b => b.Items)).Names());
    }

    [Fact]
    public async Task A_MaxElements_of_zero_is_read_as_one_and_a_non_number_is_a_SchemaValidationError()
    {
        var context = await _service.OpenAsync();

        var zero = Batch.FromPull(await _service.SendAsync(Request.PullOf(context, maxElements: 0)));
        var junk = await _service.SendAsync(Request.PullOf(context) with
        {
            Body = $"<wsen:Pull><wsen:EnumerationContext>{context}</wsen:EnumerationContext><wsen:MaxElements>many</wsen:MaxElements></wsen:Pull>",
        });

        Assert.Single(zero.Items);
        junk.AssertSenderFault("wsman:SchemaValidationError");
    }

    [Fact]
    public async Task The_service_batch_limit_caps_MaxElements()
    {
        _service.Options.MaxBatchItems = 2;

        var batch = Batch.FromEnumerate(await _service.SendAsync(Request.OptimizedEnumerate(100)));

        Assert.Equal(2, batch.Items.Count);
        Assert.False(batch.EndOfSequence);
    }

    [Fact]
    public async Task A_requested_total_items_estimate_is_sent_as_unknown_in_the_reply_header()
    {
        const string header = "<wsman:RequestTotalItemsCountEstimate/>";

        var enumerate = (await _service.SendAsync(Request.EnumerateOf().WithHeader(header))).AssertOk();
        var context = Batch.FromEnumerate(enumerate).ContextId!;
        var pull = (await _service.SendAsync(Request.PullOf(context).WithHeader(header))).AssertOk();
        var plain = (await _service.SendAsync(Request.PullOf(context))).AssertOk();

        foreach (var reply in new[] { enumerate, pull })
        {
            var estimate = reply.Header.Element(Ns.WsMan + "TotalItemsCountEstimate")!;
            Assert.Equal("true", estimate.Attribute(Ns.Xsi + "nil")!.Value);
            Assert.Empty(estimate.Nodes());
        }
        Assert.Null(plain.Header.Element(Ns.WsMan + "TotalItemsCountEstimate"));
    }

    [Fact]
    public async Task EnumerateEPR_items_are_endpoint_references_to_each_instance()
    {
        var batch = Batch.FromEnumerate(await _service.SendAsync(Request.EnumerateOf(options:
            "<wsman:OptimizeEnumeration/><wsman:MaxElements>100</wsman:MaxElements><wsman:EnumerationMode>EnumerateEPR</wsman:EnumerationMode>")));

        Assert.Equal(_service.ComputerSystemCount, batch.Items.Count);
        Assert.All(batch.Items, i => Assert.Equal(Ns.Wsa + "EndpointReference", i.Name));
        var first = batch.Items[0].Element(Ns.Wsa + "ReferenceParameters")!;
        Assert.Equal(Ns.ClassPrefix + "CIM_ComputerSystem", first.Element(Ns.WsMan + "ResourceURI")!.Value);
        Assert.Contains(first.Descendants(Ns.WsMan + "Selector"), s => s.Attribute("Name")!.Value == "Name" && s.Value == TestService.HostName);
    }

    [Fact]
    public async Task An_unknown_EnumerationMode_is_an_unsupported_feature_and_opens_nothing()
    {
        var reply = await _service.SendAsync(Request.EnumerateOf(options: "<wsman:EnumerationMode>EnumerateEverything</wsman:EnumerationMode>"));

        reply.AssertSenderFault("wsman:UnsupportedFeature", "EnumerationMode");
        Assert.Equal(0, _service.Contexts.Count);
    }
}
