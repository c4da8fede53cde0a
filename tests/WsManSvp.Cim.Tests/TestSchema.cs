using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Tests;

/// <summary>A small class repository with every CIM type, arrays, references and a class hierarchy.</summary>
public static class TestSchema
{
    public const string Mof = """
        [Abstract]
        class Test_ManagedElement {
           string InstanceID;
           string Caption;
        };
        class Test_Setting : Test_ManagedElement {
           [Key, Override("InstanceID")] string InstanceID;
           boolean Enabled;
           uint8 U8;
           sint8 S8;
           uint16 U16;
           sint16 S16;
           uint32 U32;
           sint32 S32;
           uint64 U64;
           sint64 S64;
           real32 R32;
           real64 R64;
           char16 C16;
           datetime Created;
           datetime Timeout;
           string Notes[];
           uint16 Codes[];
           datetime Moments[];
           Test_System REF Owner;
        };
        class Test_TunedSetting : Test_Setting { };
        [Abstract]
        class Test_System : Test_ManagedElement {
           [Key] string CreationClassName;
           [Key] string Name;
           uint16 EnabledState;
           uint32 RequestStateChange(
              [In] uint16 RequestedState,
              [In(false), Out] Test_Setting REF Job,
              datetime TimeoutPeriod,
              string Tags[],
              Test_System REF Peers[],
              [Out] string Echo);
        };
        class Test_ComputerSystem : Test_System { };
        class Test_VirtualSystem : Test_ComputerSystem { };
        class Test_Disk : Test_ManagedElement {
           [Key] Test_System REF System;
           [Key] uint32 Number;
           [Key] datetime Since;
           uint64 Size;
        };
        class Test_Keyless : Test_ManagedElement { };
        """;

    public static CimClassRepository Repository { get; } = CimClassRepository.FromMof([("test.mof", Mof)]);

    public static CimClass Class(string name) =>
        Repository.GetClass(name) ?? throw new InvalidOperationException($"{name} is not in the test schema.");
}
