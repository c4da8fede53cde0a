using System.Text.RegularExpressions;
using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.Interop;

namespace WsManSvp.Server.Tests.Samples;

/// <summary>
/// What samples/ shows a user works as its README says: each envelope with curl's bytes, the pywinrm
/// script, and a virtual machine's life (define, start, snapshot, destroy, each job polled) with curl, with
/// pywinrm, and as openwsman's wsman sends it. The life-cycle tests leave no system behind, so the counts
/// the envelope tests expect hold whatever the order.
/// </summary>
public sealed class SamplesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

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
        // A Pull subscription: its manager and the context to pull the state changes from.
        ["subscribe-state-changes.xml"] = reply =>
        {
            Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/eventing/SubscribeResponse", reply.Action);
            Assert.NotNull(reply.Content.Element(Ns.Wsen + "EnumerationContext"));
            Assert.Equal("PT1H", reply.Content.Element(XName.Get("Expires", "http://schemas.xmlsoap.org/ws/2004/08/eventing"))!.Value);
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

    [Fact]
    public async Task The_curl_sample_defines_starts_snapshots_and_destroys_a_VM()
    {
        await using var bash = ChildProcess.Start("/bin/bash", [Path.Combine(SamplesDirectory, "vm_curl.sh")], ScriptEnvironment(new()
        {
            ["WSMAN_URL"] = server.Endpoint,
            ["WSMAN_USER"] = ServerFixture.User,
            ["WSMAN_PASSWORD"] = ServerFixture.Password,
            ["WSMAN_HOST"] = ServerFixture.HostName,
            ["VM_NAME"] = "curl-sample",
        }));
        var exitCode = await bash.WaitForExitAsync(ScriptTimeout);

        Assert.True(exitCode == 0, $"vm_curl.sh exited with {exitCode}.\n{bash.Transcript()}");
        await AssertLifeAsync(bash.Stdout, "curl-sample");
    }

    [Fact]
    public async Task The_pywinrm_sample_defines_starts_snapshots_and_destroys_a_VM()
    {
        var output = await PywinrmClient.RunFileAsync(Path.Combine(SamplesDirectory, "vm_pywinrm.py"),
            server.Endpoint, ServerFixture.User, ServerFixture.Password, "pywinrm-sample");

        await AssertLifeAsync(output, "pywinrm-sample");
    }

    /// <summary>The README's wsman commands, sent as wsman sends them (the input files of samples/wsman with -J, -k, get).</summary>
    [Fact]
    public async Task The_wsman_commands_of_the_README_define_start_snapshot_and_destroy_a_VM()
    {
        using var client = server.Client();
        const string cim = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
        (string, string)[] management = [("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", ServerFixture.HostName),
            ("CreationClassName", "CIM_VirtualSystemManagementService"), ("Name", "VirtualSystemManagementService")];
        (string, string)[] snapshots = [("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", ServerFixture.HostName),
            ("CreationClassName", "CIM_VirtualSystemSnapshotService"), ("Name", "VirtualSystemSnapshotService")];
        var inputs = Path.Combine(SamplesDirectory, "wsman");

        var defined = await OutputAsync(client, WsmanCliRequests.InvokeWithInput(cim + "CIM_VirtualSystemManagementService", "DefineSystem",
            management, File.ReadAllText(Path.Combine(inputs, "define-system.xml"))));
        Assert.Equal("0", defined.Prop("ReturnValue"));
        var system = Epr.From(defined.Elements().Single(e => e.Name.LocalName == "ResultingSystem"));
        var uuid = system.Selector("Name")!;
        var vm = (await client.GetAsync(system)).AssertOk().Content;
        Assert.Equal(("wsman-vm", "3"), (vm.Prop("ElementName"), vm.Prop("EnabledState")));

        await AssertJobCompletesAsync(client, await OutputAsync(client, WsmanCliRequests.InvokeWithProperties(cim + "CIM_ComputerSystem",
            "RequestStateChange", [("CreationClassName", "CIM_ComputerSystem"), ("Name", uuid)], ("RequestedState", "2"))));
        Assert.Equal("2", (await client.GetAsync(system)).AssertOk().Content.Prop("EnabledState"));

        await AssertJobCompletesAsync(client, await OutputAsync(client, WsmanCliRequests.InvokeWithInput(cim + "CIM_VirtualSystemSnapshotService",
            "CreateSnapshot", snapshots, WithSystem(Path.Combine(inputs, "create-snapshot.xml"), uuid))));
        using var cimClient = new CimClient(server.Client());
        var settings = await cimClient.EnumerateInstancesAsync("CIM_VirtualSystemSettingData", CimClient.Implementation);
        Assert.Contains(settings, s => s.Prop("VirtualSystemIdentifier") == uuid && s.Prop("ElementName") == "before changes");

        await AssertJobCompletesAsync(client, await OutputAsync(client, WsmanCliRequests.InvokeWithInput(cim + "CIM_VirtualSystemManagementService",
            "DestroySystem", management, WithSystem(Path.Combine(inputs, "destroy-system.xml"), uuid))));
        (await client.PostAsync(WsmanCliRequests.Get(cim + "CIM_ComputerSystem", [("CreationClassName", "CIM_ComputerSystem"), ("Name", uuid)])))
            .AssertFault("wsa:DestinationUnreachable");
    }

    [Fact]
    public void The_samples_README_names_every_sample()
    {
        var readme = File.ReadAllText(Path.Combine(SamplesDirectory, "README.md"));
        var files = Directory.GetFiles(SamplesDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SamplesDirectory, f).Replace('\\', '/'))
            .Where(f => f != "README.md");

        Assert.All(files, f => Assert.True(readme.Contains(f, StringComparison.Ordinal) || readme.Contains(Path.GetFileName(f), StringComparison.Ordinal),
            $"samples/README.md does not mention {f}."));
    }

    /// <summary>
    /// What the life-cycle scripts print: the definition, then each job-starting method with its job's states
    /// ending Completed at 100%, the state after the start, and the Get fault once destroyed; and the system is gone.
    /// </summary>
    private async Task AssertLifeAsync(string output, string name)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var defined = Regex.Match(lines[0], $"^DefineSystem: ReturnValue 0, {Regex.Escape(name)} is system ([0-9a-f-]{{36}})$");
        Assert.True(defined.Success, output);
        var at = 0;
        foreach (var method in new[] { "RequestStateChange(2)", "CreateSnapshot", "DestroySystem" })
        {
            var started = Array.FindIndex(lines, at, l => l.StartsWith($"{method}: ReturnValue 4096, job ", StringComparison.Ordinal));
            Assert.True(started > at, $"No {method} after line {at}:\n{output}");
            var job = lines[started][(lines[started].LastIndexOf(' ') + 1)..];
            Assert.StartsWith("WsManSvp:Job/", job);
            var states = lines.Skip(started + 1).TakeWhile(l => l.StartsWith($"  job {job}: JobState ", StringComparison.Ordinal)).ToList();
            Assert.True(states.Count > 0, $"No states of job {job}:\n{output}");
            Assert.Equal($"  job {job}: JobState 7 (Completed) 100%", states[^1]);
            at = started + states.Count;
        }
        Assert.Contains($"{name}: EnabledState 2", lines);
        Assert.Equal($"{name}: wsa:DestinationUnreachable", lines[^1]);

        using var client = server.Client();
        (await client.GetAsync(ModelEprs.System(defined.Groups[1].Value))).AssertFault("wsa:DestinationUnreachable");
        Assert.DoesNotContain(name, (await SeededSystems.FindAsync(client)).Keys);
    }

    private static async Task<XElement> OutputAsync(WsManClient client, string envelope) => (await client.PostAsync(envelope)).AssertOk().Content;

    private static async Task AssertJobCompletesAsync(WsManClient client, XElement output)
    {
        Assert.True(output.Prop("ReturnValue") == "4096", output.ToString());
        var instanceId = Epr.From(output.Elements().Single(e => e.Name.LocalName == "Job")).Selector("InstanceID")!;
        var get = WsmanCliRequests.Get("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ConcreteJob", [("InstanceID", instanceId)]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var job = new JobView((await client.PostAsync(get)).AssertOk().Content);
            if (job.IsFinished)
            {
                Assert.True(job.JobState == JobView.Completed, job.ToString());
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The job did not finish in time:\n{job}");
            await Task.Delay(100);
        }
    }

    /// <summary>An input file with the system's UUID in place of SYSTEM_UUID, as the README's sed does.</summary>
    private static string WithSystem(string inputFile, string uuid) =>
        File.ReadAllText(inputFile).Replace("SYSTEM_UUID", uuid, StringComparison.Ordinal);

    /// <summary>A script's environment: no proxy (curl and requests honour the proxy variables, even for loopback).</summary>
    private static Dictionary<string, string?> ScriptEnvironment(Dictionary<string, string?> variables)
    {
        foreach (var proxy in new[] { "http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY" })
            variables[proxy] = null;
        return variables;
    }
}
