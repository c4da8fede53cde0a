using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;
using Xunit;
using static WsManSvp.Cim.Tests.Indications.IndicationFixtures;

namespace WsManSvp.Cim.Tests.Indications;

public class InstanceIndicationsTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private readonly InstanceIndications _indications = new(Repository, "host1");

    [Fact]
    public void Modification_carries_the_instance_after_and_before_with_its_model_path_host_and_time()
    {
        var before = VirtualSystem("vm", 3);
        var after = VirtualSystem("vm", 2);

        var indication = _indications.Modification(before, after, Time);

        Assert.Equal("CIM_InstModification", indication.Class.Name);
        Assert.Same(after, indication["SourceInstance"].AsInstance());
        Assert.Same(before, indication["PreviousInstance"].AsInstance());
        Assert.Equal(after.GetPath().ToString(), indication["SourceInstanceModelPath"].AsString());
        Assert.StartsWith("root/cimv2:CIM_ComputerSystem.", indication["SourceInstanceModelPath"].AsString());
        Assert.Equal("host1", indication["SourceInstanceHost"].AsString());
        Assert.Equal(CimDateTime.FromTimestamp(Time), indication["IndicationTime"].AsDateTime());
        Assert.StartsWith("WsManSvp:", indication["IndicationIdentifier"].AsString());
    }

    [Fact]
    public void Creation_and_deletion_carry_the_instance_and_have_no_previous_one()
    {
        var system = VirtualSystem("vm", 3);

        var creation = _indications.Creation(system, Time);
        var deletion = _indications.Deletion(system, Time);

        Assert.Equal("CIM_InstCreation", creation.Class.Name);
        Assert.Equal("CIM_InstDeletion", deletion.Class.Name);
        Assert.Same(system, creation["SourceInstance"].AsInstance());
        Assert.Same(system, deletion["SourceInstance"].AsInstance());
        Assert.Null(creation.Class.GetProperty("PreviousInstance"));
        Assert.NotEqual(creation["IndicationIdentifier"], deletion["IndicationIdentifier"]);
    }

    [Theory]
    [InlineData(QueryLanguage.Wql, 3, 2, true)]
    [InlineData(QueryLanguage.Wql, 2, 2, false)]
    [InlineData(QueryLanguage.Cql, 3, 9, true)]
    [InlineData(QueryLanguage.Cql, 9, 9, false)]
    public void The_state_change_query_matches_a_modification_whose_EnabledState_changed(QueryLanguage language, ushort before, ushort after, bool matches)
    {
        var query = CimQuery.Parse(
            "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ComputerSystem AND " +
            "SourceInstance.EnabledState <> PreviousInstance.EnabledState", language);
        query.Validate(Repository);

        Assert.Equal(matches, query.Matches(_indications.Modification(VirtualSystem("vm", before), VirtualSystem("vm", after), Time)));
    }

    [Fact]
    public void The_state_change_query_does_not_match_other_indications_nor_other_classes()
    {
        var query = CimQuery.Parse(
            "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ComputerSystem AND " +
            "SourceInstance.EnabledState <> PreviousInstance.EnabledState", QueryLanguage.Wql);
        query.Validate(Repository);
        var job = new CimInstance(Repository.GetClass("CIM_ConcreteJob")!).Set("InstanceID", "WsManSvp:Job/1");

        Assert.False(query.Matches(_indications.Creation(VirtualSystem("vm", 2), Time)));
        Assert.False(query.Matches(_indications.Modification(job, job, Time)));
    }

    [Fact]
    public void A_query_on_an_indication_superclass_matches_every_kind()
    {
        var query = CimQuery.Parse("SELECT * FROM CIM_InstIndication WHERE SourceInstance ISA CIM_System", QueryLanguage.Cql);
        query.Validate(Repository);
        var system = VirtualSystem("vm", 2);

        Assert.True(query.Matches(_indications.Creation(system, Time)));
        Assert.True(query.Matches(_indications.Deletion(system, Time)));
        Assert.True(query.Matches(_indications.Modification(system, system, Time)));
    }

    [Fact]
    public void HasSameValues_compares_values_not_references()
    {
        Assert.True(VirtualSystem("vm", 2).HasSameValues(VirtualSystem("vm", 2)));
        Assert.False(VirtualSystem("vm", 2).HasSameValues(VirtualSystem("vm", 3)));
        Assert.True(_indications.Modification(VirtualSystem("vm", 2), VirtualSystem("vm", 3), Time).Set("IndicationIdentifier", "x")
            .HasSameValues(_indications.Modification(VirtualSystem("vm", 2), VirtualSystem("vm", 3), Time).Set("IndicationIdentifier", "x")));
    }
}
