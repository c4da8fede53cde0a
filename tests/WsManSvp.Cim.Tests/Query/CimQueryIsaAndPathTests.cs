using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;

namespace WsManSvp.Cim.Tests.Query;

public class CimQueryIsaAndPathTests
{
    private static readonly CimInstance Setting = QuerySchema.New("Q_Setting")
        .Set("InstanceID", "s")
        .Set("Owner", CimValue.Reference(QuerySchema.PathOf("Q_VirtualSystem", "vm")))
        .Set("Members", CimValue.Array(CimType.Reference,
            CimValue.Reference(QuerySchema.PathOf("Q_Service", "svc")), CimValue.Reference(QuerySchema.PathOf("Q_System", "host"))))
        .Set("System", CimValue.Instance(QuerySchema.System("Q_ComputerSystem", "cs", 2).Set("Processors", CimValue.UInt16(4))))
        .Set("Anything", CimValue.Instance(QuerySchema.New("Q_Setting").Set("InstanceID", "inner")
            .Set("System", CimValue.Instance(QuerySchema.System("Q_System", "deep", 3)))))
        .Set("Parts", CimValue.Array(CimType.Instance,
            CimValue.Instance(QuerySchema.New("Q_Service")), CimValue.Instance(QuerySchema.System("Q_VirtualSystem", "v", 2))));

    [Theory]
    [InlineData("Owner ISA Q_VirtualSystem", true)]
    [InlineData("Owner ISA Q_ComputerSystem", true)]
    [InlineData("Owner ISA q_system", true)]
    [InlineData("Owner ISA Q_Element", true)]
    [InlineData("Owner ISA Q_Service", false)]
    [InlineData("NOT Owner ISA Q_Service", true)]
    [InlineData("Members ISA Q_System", true)]
    [InlineData("Members ISA Q_ComputerSystem", false)]
    [InlineData("Caption ISA Q_System", false)]
    [InlineData("NOT Caption ISA Q_System", false)]
    public void Isa_on_references_knows_derivation_from_the_validated_repository(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Fact]
    public void Isa_on_a_reference_without_a_repository_knows_only_the_class_itself()
    {
        var query = CimQuery.Parse("SELECT * FROM Q_Setting WHERE Owner ISA Q_System", QueryLanguage.Wql);
        var exact = CimQuery.Parse("SELECT * FROM Q_Setting WHERE Owner ISA Q_VirtualSystem", QueryLanguage.Wql);

        Assert.False(query.Matches(Setting));
        Assert.True(exact.Matches(Setting));
        query.Validate(QuerySchema.Repository);
        Assert.True(query.Matches(Setting));
    }

    [Theory]
    [InlineData("System ISA Q_ComputerSystem", true)]
    [InlineData("System ISA Q_System", true)]
    [InlineData("System ISA Q_VirtualSystem", false)]
    [InlineData("Anything ISA Q_Setting", true)]
    [InlineData("Anything ISA Q_System", false)]
    [InlineData("Parts ISA Q_ComputerSystem", true)]
    [InlineData("Parts ISA Q_Service", true)]
    [InlineData("Parts ISA Q_Setting", false)]
    [InlineData("__this ISA Q_Setting AND __this ISA Q_Element", true)]
    [InlineData("__this ISA Q_System", false)]
    public void Isa_on_embedded_instances_and_the_instance_itself(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("System.Name = 'cs'", true)]
    [InlineData("System.Processors = 4", true)]
    [InlineData("System.Processors > '3'", true)]
    [InlineData("System.EnabledState = 2 AND System.Name LIKE 'c%'", true)]
    [InlineData("Anything.InstanceID = 'inner'", true)]
    [InlineData("Anything.System.Name = 'deep'", true)]
    [InlineData("Anything.System.EnabledState < System.EnabledState", false)]
    [InlineData("Anything.System.EnabledState > System.EnabledState", true)]
    [InlineData("Anything.System ISA Q_System", true)]
    [InlineData("Anything.Anything IS NULL", true)]
    [InlineData("Anything.Anything.Name IS NULL", true)]
    [InlineData("Anything.Processors IS NULL", true)]
    [InlineData("Parts.Name IS NULL", true)]
    [InlineData("SystemText.Name IS NULL", true)]
    public void Dotted_paths_read_embedded_instances_and_are_null_elsewhere(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("SourceInstance ISA Q_System AND SourceInstance.Q_ComputerSystem::Processors = 8", true)]
    [InlineData("SourceInstance.Q_VirtualSystem::Processors = 8", false)]
    [InlineData("SourceInstance.Q_VirtualSystem::Processors IS NULL", true)]
    [InlineData("Q_InstModification::SourceInstance.Name = 'cs'", true)]
    [InlineData("Q_Indication::SourceInstance IS NULL", true)]
    public void Cql_scoped_properties_read_only_instances_of_their_scope(string where, bool expected)
    {
        var indication = QuerySchema.New("Q_InstModification")
            .Set("SourceInstance", CimValue.Instance(QuerySchema.System("Q_ComputerSystem", "cs", 2).Set("Processors", CimValue.UInt16(8))));
        var query = CimQuery.Parse($"SELECT * FROM Q_Indication WHERE {where}", QueryLanguage.Cql);

        Assert.Equal(expected, query.Matches(indication));
    }

    [Fact]
    public void An_indication_filter_matches_only_its_class_and_the_change_it_asks_for()
    {
        var query = CimQuery.Parse(
            "SELECT * FROM Q_InstModification WHERE SourceInstance ISA Q_ComputerSystem AND " +
            "SourceInstance.EnabledState <> PreviousInstance.EnabledState", QueryLanguage.Wql);
        query.Validate(QuerySchema.Repository);
        CimInstance Modification(string cls, ushort before, ushort after) => QuerySchema.New("Q_InstModification")
            .Set("SourceInstance", CimValue.Instance(QuerySchema.System(cls, "vm", after)))
            .Set("PreviousInstance", CimValue.Instance(QuerySchema.System(cls, "vm", before)));

        Assert.True(query.Matches(Modification("Q_VirtualSystem", 3, 2)));
        Assert.False(query.Matches(Modification("Q_VirtualSystem", 2, 2)));
        Assert.False(query.Matches(Modification("Q_System", 3, 2)));
        Assert.False(query.Matches(QuerySchema.New("Q_InstCreation")
            .Set("SourceInstance", CimValue.Instance(QuerySchema.System("Q_VirtualSystem", "vm", 2)))));
    }
}
