using System.Net;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>
/// Nothing acts on a request before all of it has been read: content the operation does not need
/// (a body on Get, what follows a method's input, text after the envelope) is still parsed and limited.
/// </summary>
public sealed class EnvelopeCompletenessTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("<x:n xmlns:x=\"urn:deep\">", depth)) + string.Concat(Enumerable.Repeat("</x:n>", depth));

    private static void AssertRefused(WsManReply reply)
    {
        reply.AssertFault("wsman:SchemaValidationError", status: HttpStatusCode.BadRequest);
        Assert.Equal("s:Sender", reply.FaultCode);
    }

    [Fact]
    public async Task A_Get_whose_body_nests_too_deep_is_refused()
    {
        using var client = server.Client();
        var envelope = Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"),
            [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)], body: Nested(100));
        AssertRefused(await client.PostAsync(envelope));
    }

    [Fact]
    public async Task Text_after_the_envelope_is_refused()
    {
        using var client = server.Client();
        var envelope = Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"),
            [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)]) + "<trailing/>";
        AssertRefused(await client.PostAsync(envelope));
    }

    [Fact]
    public async Task A_method_call_with_malformed_content_after_its_input_is_refused_and_changes_nothing()
    {
        using var client = server.Client();
        var db01 = await SeededSystems.NameOfAsync(client, "db01");
        var uri = Envelopes.ClassUri("CIM_ComputerSystem");
        var envelope = Envelopes.Build(uri + "/RequestStateChange", uri, [("CreationClassName", "CIM_ComputerSystem"), ("Name", db01)],
            body: $"<p:RequestStateChange_INPUT xmlns:p=\"{uri}\"><p:RequestedState>2</p:RequestedState></p:RequestStateChange_INPUT>{Nested(100)}");

        AssertRefused(await client.PostAsync(envelope));

        var after = (await SeededSystems.GetAsync(client, db01)).AssertOk();
        Assert.Equal("3", after.Content.Prop("EnabledState"));
    }
}
