using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Tests.Query;

/// <summary>Classes to query: every CIM type, arrays, references, embedded instances, a hierarchy, indications.</summary>
public static class QuerySchema
{
    public const string Mof = """
        class Q_Element {
           [Key] string InstanceID;
           string Caption;
        };
        class Q_System : Q_Element {
           [Key] string Name;
           uint16 EnabledState;
        };
        class Q_ComputerSystem : Q_System {
           uint16 Processors;
        };
        class Q_VirtualSystem : Q_ComputerSystem { };
        class Q_Service : Q_Element { };
        class Q_Setting : Q_Element {
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
           string Version;
           string Notes[];
           uint16 Codes[];
           datetime Moments[];
           Q_System REF Owner;
           Q_Element REF Members[];
           [EmbeddedInstance("Q_System")] object System;
           object Anything;
           object Parts[];
           [EmbeddedInstance("Q_System")] string SystemText;
        };
        [Indication]
        class Q_Indication {
           string IndicationIdentifier;
        };
        [Indication]
        class Q_InstModification : Q_Indication {
           object SourceInstance;
           object PreviousInstance;
        };
        [Indication]
        class Q_InstCreation : Q_Indication {
           object SourceInstance;
        };
        """;

    public static CimClassRepository Repository { get; } = CimClassRepository.FromMof([("query.mof", Mof)]);

    public static CimInstance New(string className) =>
        new(Repository.GetClass(className) ?? throw new InvalidOperationException($"{className} is not in the query schema."));

    public static CimInstance System(string className, string name, ushort enabledState) =>
        New(className).Set("InstanceID", name).Set("Name", name).Set("EnabledState", CimValue.UInt16(enabledState));

    public static CimObjectPath PathOf(string className, string name) =>
        new(CimObjectPath.DefaultNamespace, className, [new CimKeyBinding("InstanceID", CimValue.String(name)), new CimKeyBinding("Name", CimValue.String(name))]);

    /// <summary>Parses and validates SELECT * FROM (the instance's class) WHERE <paramref name="where"/>, then tests the instance.</summary>
    public static bool Matches(CimInstance instance, string where, QueryLanguage language = QueryLanguage.Wql)
    {
        var query = CimQuery.Parse($"SELECT * FROM {instance.Class.Name} WHERE {where}", language);
        query.Validate(Repository);
        return query.Matches(instance);
    }
}
