using System.Text.RegularExpressions;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Tests.Dmtf;

/// <summary>Our class declarations (schemas/*.mof) against the DMTF CIM schema 2.32.0 in ../shared.</summary>
public partial class DmtfSchemaComparisonTests
{
    [Fact]
    public void Every_dmtf_mof_file_parses_with_our_parser()
    {
        var schema = DmtfSchema.Shared;

        Assert.True(schema.Errors.Count == 0,
            $"{schema.Errors.Count} problem(s) reading the DMTF schema:\n" + string.Join("\n", schema.Errors));
        Assert.True(schema.FileCount > 1000, $"Only {schema.FileCount} MOF files found under {TestPaths.DmtfCimSchema}.");
        // Every class declaration in the files (a line starting with "class") became a parsed class.
        var declared = Directory.GetFiles(TestPaths.DmtfCimSchema, "*.mof", SearchOption.AllDirectories)
            .Sum(f => File.ReadLines(f).Count(l => ClassLine().IsMatch(l)));
        Assert.Equal(declared, schema.Classes.Count);
        Assert.True(schema.Classes.ContainsKey("CIM_VirtualSystemManagementService"), "CIM_VirtualSystemManagementService not found in the DMTF schema.");
    }

    [Fact]
    public void Every_class_we_declare_matches_dmtf()
    {
        var schema = DmtfSchema.Shared;
        Assert.True(schema.Errors.Count == 0, "The DMTF schema does not parse; see Every_dmtf_mof_file_parses_with_our_parser.");
        var ours = CimClassRepository.LoadEmbedded();

        var mismatches = new SchemaComparer(schema.Classes).Compare(ours.Classes.Where(c => !ProfileDefinedClasses.Contains(c.Name)));

        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} declaration(s) differ from DMTF CIM 2.32.0 (ours vs DMTF):\n" + string.Join("\n", mismatches));
    }

    /// <summary>Classes a DMTF profile defines that CIM 2.32 lacks: declared as the profile's tables say.</summary>
    private static readonly HashSet<string> ProfileDefinedClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "CIM_MostCurrentSnapshotInBranch", // DSP1042 10.13, Table 33
    };

    [Fact]
    public void Classes_only_a_profile_defines_are_absent_from_dmtf_and_declared_as_the_profile_says()
    {
        var ours = CimClassRepository.LoadEmbedded();
        foreach (var name in ProfileDefinedClasses)
            Assert.False(DmtfSchema.Shared.Classes.ContainsKey(name), $"{name} is in the DMTF schema now: compare it like the others.");

        var branch = ours.GetClass("CIM_MostCurrentSnapshotInBranch")!;
        Assert.True(branch.IsAssociation);
        Assert.Equal("CIM_Dependency", branch.Superclass?.Name);
        Assert.Equal("CIM_ComputerSystem", branch.GetProperty("Antecedent")!.ReferenceClass);
        Assert.Equal("CIM_VirtualSystemSettingData", branch.GetProperty("Dependent")!.ReferenceClass);
    }

    [Fact]
    public void Omitting_dmtf_members_is_allowed()
    {
        var partial = CimClassRepository.FromMof([("partial.mof", """
            class CIM_ManagedElement { string Caption; };
            class CIM_ManagedSystemElement : CIM_ManagedElement { };
            class CIM_LogicalElement : CIM_ManagedSystemElement { };
            class CIM_EnabledLogicalElement : CIM_LogicalElement {
               uint32 RequestStateChange(uint16 RequestedState, [In(false), Out] CIM_ConcreteJob REF Job, datetime TimeoutPeriod);
            };
            """)]);

        Assert.Empty(new SchemaComparer(DmtfSchema.Shared.Classes).Compare(partial.Classes));
    }

    [Fact]
    public void The_comparison_reports_every_kind_of_mismatch()
    {
        var wrong = CimClassRepository.FromMof([("wrong.mof", """
            class CIM_ManagedElement {
               uint32 Caption;
               string ElementName[];
            };
            class CIM_SettingData : CIM_ManagedElement {
               string InstanceID;
            };
            class CIM_EnabledLogicalElement : CIM_ManagedElement {
               [Key] uint16 EnabledState;
               string NotInDmtf;
               sint32 RequestStateChange(
                  [In] uint16 RequestedState,
                  [Out] CIM_ManagedElement REF Job,
                  [In] datetime TimeoutPeriod);
               uint32 NoSuchMethod();
            };
            class CIM_VirtualSystemManagementService : CIM_ManagedElement {
               uint32 DefineSystem(string SystemSettings);
               uint32 DestroySystem(CIM_ComputerSystem REF AffectedSystem[], [Out] CIM_ConcreteJob REF Job);
               uint32 ModifySystemSettings(string SystemSettings, [In(false), Out] CIM_ConcreteJob REF Job);
            };
            class WSMANSVP_Unknown {
            };
            """)]);

        var mismatches = new SchemaComparer(DmtfSchema.Shared.Classes).Compare(wrong.Classes);

        string[] expected =
        [
            "CIM_ManagedElement.Caption: ours uint32 vs DMTF string",
            "CIM_ManagedElement.ElementName: ours string[] vs DMTF string",
            "CIM_SettingData.Caption: ours uint32 vs DMTF string",
            "CIM_SettingData.ElementName: ours string[] vs DMTF string",
            "CIM_SettingData.InstanceID: ours not key vs DMTF key",
            "CIM_SettingData: keys ours {} vs DMTF {InstanceID}",
            "CIM_EnabledLogicalElement: superclass ours CIM_ManagedElement vs DMTF CIM_LogicalElement",
            "CIM_EnabledLogicalElement.Caption: ours uint32 vs DMTF string",
            "CIM_EnabledLogicalElement.ElementName: ours string[] vs DMTF string",
            "CIM_EnabledLogicalElement.EnabledState: ours key vs DMTF not key",
            "CIM_EnabledLogicalElement.NotInDmtf: ours string vs DMTF no such property",
            "CIM_EnabledLogicalElement: keys ours {EnabledState} vs DMTF {}",
            "CIM_EnabledLogicalElement.NoSuchMethod: ours declared vs DMTF no such method",
            "CIM_EnabledLogicalElement.RequestStateChange: return type ours sint32 vs DMTF uint32",
            "CIM_EnabledLogicalElement.RequestStateChange(Job): ours CIM_ManagedElement REF IN/OUT vs DMTF CIM_ConcreteJob REF OUT",
            "CIM_VirtualSystemManagementService: superclass ours CIM_ManagedElement vs DMTF CIM_Service",
            "CIM_VirtualSystemManagementService.Caption: ours uint32 vs DMTF string",
            "CIM_VirtualSystemManagementService.ElementName: ours string[] vs DMTF string",
            "CIM_VirtualSystemManagementService: keys ours {} vs DMTF {CreationClassName, Name, SystemCreationClassName, SystemName}",
            "CIM_VirtualSystemManagementService.DefineSystem: parameters ours (SystemSettings) vs DMTF (SystemSettings, ResourceSettings, ReferenceConfiguration, ResultingSystem, Job)",
            "CIM_VirtualSystemManagementService.DestroySystem(AffectedSystem): ours CIM_ComputerSystem REF[] IN vs DMTF CIM_ComputerSystem REF IN",
            "CIM_VirtualSystemManagementService.DestroySystem(Job): ours CIM_ConcreteJob REF IN/OUT vs DMTF CIM_ConcreteJob REF OUT",
            "CIM_VirtualSystemManagementService.ModifySystemSettings(SystemSettings): ours string IN vs DMTF string EmbeddedInstance(\"CIM_VirtualSystemSettingData\") IN",
            "WSMANSVP_Unknown: ours declared vs DMTF no such class",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), mismatches.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\s*class\s", RegexOptions.IgnoreCase)]
    private static partial Regex ClassLine();
}
