using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class EnumerationContextTests
{
    [Fact]
    public async Task Release_answers_with_an_empty_body_and_the_context_is_invalid_afterwards()
    {
        await using var service = await TestService.StartAsync();
        var context = await service.OpenAsync();
        var request = Request.ReleaseOf(context);

        var released = (await service.SendAsync(request)).AssertOk();
        var pull = await service.SendAsync(Request.PullOf(context));
        var again = await service.SendAsync(Request.ReleaseOf(context));

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/ReleaseResponse", released.Action);
        Assert.Equal(request.MessageId, released.RelatesTo);
        Assert.Empty(released.Body.Elements());
        Assert.Equal(0, service.Contexts.Count);
        pull.AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
        Assert.Equal(Ns.EnumerationFaultAction, pull.Action);
        again.AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
    }

    [Theory]
    [InlineData("uuid:00000000-0000-0000-0000-000000000000")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_unknown_or_missing_context_is_invalid(string? context)
    {
        await using var service = await TestService.StartAsync();
        await service.OpenAsync();

        var reply = await service.SendAsync(Request.PullOf(context));

        reply.AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
        Assert.Equal("2150858779", reply.Fault!.Element(Ns.S + "Detail")!.Element(Ns.WsManFault + "WSManFault")!.Attribute("Code")!.Value);
    }

    [Fact]
    public async Task A_context_unused_for_its_lifetime_expires_and_each_Pull_renews_it()
    {
        var time = new ManualTimeProvider();
        await using var service = await TestService.StartAsync(new WsManOptions { EnumerationContextLifetime = TimeSpan.FromSeconds(10) }, time);
        var context = await service.OpenAsync();

        time.Advance(TimeSpan.FromSeconds(9));
        Batch.FromPull(await service.SendAsync(Request.PullOf(context)));
        time.Advance(TimeSpan.FromSeconds(9));
        Batch.FromPull(await service.SendAsync(Request.PullOf(context)));
        time.Advance(TimeSpan.FromSeconds(10));
        var expired = await service.SendAsync(Request.PullOf(context));

        expired.AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
        (await service.SendAsync(Request.ReleaseOf(context))).AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
    }

    [Fact]
    public async Task Expired_contexts_are_swept_and_their_resources_released()
    {
        var time = new ManualTimeProvider();
        await using var service = await TestService.StartAsync(new WsManOptions { EnumerationContextLifetime = TimeSpan.FromSeconds(8) }, time);
        await service.OpenAsync();
        await service.OpenAsync();

        time.Advance(TimeSpan.FromSeconds(6)); // one sweep (every lifetime/4): nothing has expired yet
        Assert.Equal(2, service.Contexts.Count);
        time.Advance(TimeSpan.FromSeconds(4));

        Assert.True(SpinWait.SpinUntil(() => service.Contexts.Count == 0, TimeSpan.FromSeconds(5)), $"{service.Contexts.Count} contexts left");
    }

    [Fact]
    public async Task Expired_contexts_do_not_count_toward_the_quotas_even_before_they_are_swept()
    {
        var time = new ManualTimeProvider();
        var options = new WsManOptions
        {
            MaxEnumerationContexts = 1,
            MaxEnumerationContextsPerUser = 1,
            EnumerationContextLifetime = TimeSpan.FromSeconds(10),
        };
        await using var service = await TestService.StartAsync(options, time);
        time.Advance(TimeSpan.FromSeconds(1)); // sweeps run every 2.5 s from 0: the expiry at 11 s falls between two
        var old = await service.OpenAsync();
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, service.Contexts.Count);

        var fresh = await service.OpenAsync();

        Assert.NotEqual(old, fresh);
        Assert.Equal([TestService.HostName], Batch.FromPull(await service.SendAsync(Request.PullOf(fresh))).Items.Names());
    }

    [Fact]
    public async Task A_shorter_Expires_asked_on_Enumerate_is_granted_and_enforced()
    {
        var time = new ManualTimeProvider();
        await using var service = await TestService.StartAsync(new WsManOptions { EnumerationContextLifetime = TimeSpan.FromSeconds(60) }, time);

        var batch = Batch.FromEnumerate(await service.SendAsync(Request.EnumerateOf(options: "<wsen:Expires>PT5S</wsen:Expires>")));
        time.Advance(TimeSpan.FromSeconds(6));
        var expired = await service.SendAsync(Request.PullOf(batch.ContextId));

        Assert.Equal("PT5S", batch.Reply.Content.Element(Ns.Wsen + "Expires")!.Value);
        expired.AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
    }

    [Fact]
    public async Task Another_user_may_neither_pull_nor_release_a_context_and_the_owner_still_can()
    {
        await using var service = await TestService.StartAsync();
        var context = await service.OpenAsync(TestService.Alice);

        var pull = await service.SendAsync(Request.PullOf(context), TestService.Bob);
        var release = await service.SendAsync(Request.ReleaseOf(context), TestService.Bob);
        var own = Batch.FromPull(await service.SendAsync(Request.PullOf(context), TestService.Alice));

        pull.AssertSenderFault("wsman:AccessDenied");
        release.AssertSenderFault("wsman:AccessDenied");
        Assert.Equal([TestService.HostName], own.Items.Names());
    }

    [Fact]
    public async Task Beyond_MaxEnumerationContexts_Enumerate_is_refused_with_QuotaLimit_until_one_is_released()
    {
        await using var service = await TestService.StartAsync(new WsManOptions { MaxEnumerationContexts = 3 });
        var first = await service.OpenAsync(TestService.Alice);
        await service.OpenAsync(TestService.Bob);
        await service.OpenAsync(TestService.Bob);

        var refused = await service.SendAsync(Request.EnumerateOf(), TestService.Alice);
        (await service.SendAsync(Request.ReleaseOf(first), TestService.Alice)).AssertOk();
        var accepted = await service.SendAsync(Request.EnumerateOf(), TestService.Alice);

        refused.AssertSenderFault("wsman:QuotaLimit");
        Assert.Equal(Ns.WsManFaultAction, refused.Action);
        Assert.NotNull(Batch.FromEnumerate(accepted).ContextId);
        Assert.Equal(3, service.Contexts.Count);
    }

    [Fact]
    public async Task Beyond_MaxEnumerationContextsPerUser_that_user_is_refused_with_QuotaLimit_and_others_are_not()
    {
        await using var service = await TestService.StartAsync(new WsManOptions { MaxEnumerationContextsPerUser = 2 });
        await service.OpenAsync(TestService.Alice);
        await service.OpenAsync(TestService.Alice);

        var refused = await service.SendAsync(Request.OptimizedEnumerate(1), TestService.Alice);
        var bob = await service.OpenAsync(TestService.Bob);

        refused.AssertSenderFault("wsman:QuotaLimit");
        Assert.NotNull(bob);
        Assert.Equal(3, service.Contexts.Count);
    }

    [Fact]
    public async Task Concurrent_Pulls_of_one_context_deliver_every_item_exactly_once()
    {
        await using var service = await TestService.StartAsync(extraSystems: 20);
        var context = await service.OpenAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, service.ComputerSystemCount).Select(_ =>
            Task.Run(() => service.SendAsync(Request.PullOf(context)))));

        var items = replies.Where(r => r.Fault is null).SelectMany(r => Batch.FromPull(r).Items).Names().ToList();
        Assert.Equal(service.ComputerSystemCount, items.Count);
        Assert.Equal(items.Count, items.Distinct().Count());
        Assert.Equal(1, replies.Count(r => r.Fault is null && Batch.FromPull(r).EndOfSequence));
    }
}
