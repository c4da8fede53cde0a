using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Eventing;

public sealed class HttpsSinkTests
{
    private const string EventAction = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Event";
    private const string SubscriptionEnd = "http://schemas.xmlsoap.org/ws/2004/08/eventing/SubscriptionEnd";

    private static string Subscribe(HttpEventSink sink, HttpEventSink endTo) =>
        Envelopes.Build("http://schemas.xmlsoap.org/ws/2004/08/eventing/Subscribe", Envelopes.ClassUri("CIM_InstModification"), body:
            "<wse:Subscribe xmlns:wse=\"http://schemas.xmlsoap.org/ws/2004/08/eventing\">" +
            "<wse:EndTo><wsa:Address>" + endTo.Url("/end") + "</wsa:Address></wse:EndTo>" +
            "<wse:Delivery Mode=\"http://schemas.xmlsoap.org/ws/2004/08/eventing/DeliveryModes/Push\">" +
            $"<wse:NotifyTo><wsa:Address>{sink.Url()}</wsa:Address></wse:NotifyTo>" +
            "<wsman:ConnectionRetry Total=\"1\">PT0.1S</wsman:ConnectionRetry></wse:Delivery></wse:Subscribe>");

    [Fact]
    public async Task An_https_sink_whose_root_is_trusted_gets_the_events()
    {
        using var certificate = HttpEventSink.SelfSignedCertificate();
        await using var sink = await HttpEventSink.StartAsync(certificate);
        await using var endTo = await HttpEventSink.StartAsync();
        var fixture = new EventingServerFixture { TrustedSinkRoots = [certificate] };
        await fixture.InitializeAsync();
        try
        {
            using var client = fixture.Client();
            (await client.PostAsync(Subscribe(sink, endTo))).AssertOk();

            fixture.Events.Publish("secure");
            await EventingServerFixture.WaitUntilAsync(() => sink.Of(EventAction).Any());

            Assert.Equal(["secure"], sink.Of(EventAction).Single().Events);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_https_sink_with_an_untrusted_certificate_gets_nothing_and_the_subscription_ends()
    {
        using var certificate = HttpEventSink.SelfSignedCertificate();
        await using var sink = await HttpEventSink.StartAsync(certificate);
        await using var endTo = await HttpEventSink.StartAsync();
        var fixture = new EventingServerFixture();
        await fixture.InitializeAsync();
        try
        {
            using var client = fixture.Client();
            (await client.PostAsync(Subscribe(sink, endTo))).AssertOk();

            fixture.Events.Publish("secret");
            await EventingServerFixture.WaitUntilAsync(() => endTo.Of(SubscriptionEnd).Any());

            Assert.Empty(sink.Messages);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
