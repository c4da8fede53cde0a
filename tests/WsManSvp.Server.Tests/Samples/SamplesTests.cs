using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.Interop;

namespace WsManSvp.Server.Tests.Samples;

/// <summary>What samples/ shows a user works as the README says: each envelope with curl's bytes, the pywinrm script.</summary>
public sealed class SamplesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static string SamplesDirectory => Path.Combine(TestPaths.RepositoryRoot, "samples");

    /// <summary>Each sample envelope and what its reply must show. A new sample without an entry fails the coverage test.</summary>
    private static readonly Dictionary<string, Action<WsManReply>> Expectations = new()
    {
        ["identify.xml"] = reply => Assert.Equal(Ns.Wsmid + "IdentifyResponse", reply.Content.Name),
        ["get-host.xml"] = reply => Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name")),
        ["enumerate-computer-systems.xml"] = reply =>
        {
            var response = reply.Content;
            Assert.Equal(5, response.Element(Ns.WsMan + "Items")!.Elements(Ns.WsMan + "Item").Count());
            Assert.NotNull(response.Element(Ns.WsMan + "EndOfSequence"));
        },
        // web01 runs, and so does the host: two fragments with just the selected properties.
        ["wql-running-systems.xml"] = reply =>
        {
            var fragments = reply.Content.Element(Ns.WsMan + "Items")!.Elements(Ns.WsMan + "XmlFragment").ToList();
            Assert.Equal(["host1", "web01"], fragments.Select(f => f.Element(Ns.Class("CIM_ComputerSystem") + "ElementName")!.Value).Order());
            Assert.All(fragments, f => Assert.Equal(2, f.Elements().Count()));
        },
        ["hosted-virtual-systems.xml"] = reply =>
        {
            var eprs = reply.Content.Element(Ns.WsMan + "Items")!.Elements(Ns.Wsa + "EndpointReference").ToList();
            Assert.Equal(4, eprs.Count);
            Assert.All(eprs, e => Assert.EndsWith("/CIM_ComputerSystem", e.Descendants(Ns.WsMan + "ResourceURI").Single().Value));
        },
    };

    public static TheoryData<string> SampleEnvelopes() =>
        new(Directory.GetFiles(SamplesDirectory, "*.xml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(SampleEnvelopes))]
    public async Task Each_sample_envelope_is_answered_as_its_comments_say(string file)
    {
        Assert.True(Expectations.TryGetValue(file, out var expect), $"samples/{file} has no expectation in {nameof(SamplesTests)}.");
        var envelope = File.ReadAllText(Path.Combine(SamplesDirectory, file)).Replace("HOSTNAME", ServerFixture.HostName);
        Assert.NotNull(XDocument.Parse(envelope));

        using var client = server.Client();
        var reply = (await client.PostAsync(envelope)).AssertOk();

        expect(reply);
    }

    [Fact]
    public async Task The_pywinrm_sample_lists_every_computer_system_with_its_state()
    {
        var output = await PywinrmClient.RunFileAsync(Path.Combine(SamplesDirectory, "pywinrm_get.py"), server.Endpoint, ServerFixture.User, ServerFixture.Password);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("web01 ") && l.Contains("EnabledState=2 "));
        Assert.Contains(lines, l => l.StartsWith("db01 ") && l.Contains("EnabledState=3 "));
        Assert.Contains(lines, l => l.StartsWith(ServerFixture.HostName + " ") && l.Contains("EnabledState=2 "));
    }
}
