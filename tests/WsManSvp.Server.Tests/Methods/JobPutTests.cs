using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>WS-Transfer Put of a CIM_ConcreteJob: whether and when a finished job is removed may change, nothing else.</summary>
public abstract class JobPutTests(ServerFixture server)
{
    [Fact]
    public async Task DeleteOnCompletion_and_TimeBeforeRemoval_change_and_read_back()
    {
        using var cim = new CimClient(server.Client());
        var job = await StartedJobAsync(cim, "db01");
        var before = await cim.GetInstanceAsync(job);
        Assert.Equal("true", before.Prop("DeleteOnCompletion"));

        var body = new XElement(before.Instance);
        body.Element(body.Name.Namespace + "DeleteOnCompletion")!.Value = "false";
        body.Element(body.Name.Namespace + "TimeBeforeRemoval")!.ReplaceNodes(new XElement(Ns.Cim + "Interval", "P1DT2H0M0S"));
        var reply = (await cim.PutAsync(job, body)).AssertOk();

        var after = await cim.GetInstanceAsync(job);
        foreach (var instance in new[] { reply.Content, after.Instance })
        {
            Assert.Equal("false", instance.Prop("DeleteOnCompletion"));
            // The same interval, in its shortest xs:duration spelling.
            Assert.Equal("P1DT2H", instance.Element(instance.Name.Namespace + "TimeBeforeRemoval")!.Element(Ns.Cim + "Interval")!.Value);
        }
        Assert.Equal(before.Prop("JobState"), after.Prop("JobState"));
        Assert.Equal(before.Prop("ElementName"), after.Prop("ElementName"));
    }

    [Fact]
    public async Task Anything_else_is_InvalidParameter_and_changes_nothing()
    {
        using var cim = new CimClient(server.Client());
        var job = await StartedJobAsync(cim, "build01");
        var before = await cim.GetInstanceAsync(job);

        var body = new XElement(before.Instance);
        body.Element(body.Name.Namespace + "ElementName")!.Value = "renamed job";
        body.Element(body.Name.Namespace + "DeleteOnCompletion")!.Value = "false";
        var reply = await cim.PutAsync(job, body);

        reply.AssertFault("wsman:InvalidParameter");
        Assert.Contains("ElementName", reply.Reason);
        var after = await cim.GetInstanceAsync(job);
        Assert.Equal(before.Prop("ElementName"), after.Prop("ElementName"));
        Assert.Equal("true", after.Prop("DeleteOnCompletion"));
    }

    /// <summary>A finished job: a state change of a seeded system (db01 starts, build01 resumes).</summary>
    private static async Task<Epr> StartedJobAsync(CimClient cim, string name) =>
        (await MethodSteps.ChangeStateAsync(cim, await MethodSteps.VirtualSystemAsync(cim, name), 2)).Job;
}

public sealed class JobPutOnSimulatorTests(ServerFixture server) : JobPutTests(server), IClassFixture<ServerFixture>;

public sealed class JobPutOnLibvirtTests(LibvirtServerFixture server) : JobPutTests(server), IClassFixture<LibvirtServerFixture>;
