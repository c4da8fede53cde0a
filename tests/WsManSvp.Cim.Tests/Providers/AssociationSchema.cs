using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Tests.Providers;

/// <summary>
/// A small schema for association traversal: hosts and guests, an association with a subclass narrowing its
/// ends, a reflexive association, and one whose ends live in different namespaces.
/// </summary>
public static class AssociationSchema
{
    public const string Cimv2 = "root/cimv2";
    public const string Interop = "root/interop";

    public const string Mof = """
        class Test_Element {
           [Key] string CreationClassName;
           [Key] string Name;
        };
        class Test_Host : Test_Element { };
        class Test_Guest : Test_Element { };
        class Test_Profile {
           [Key] string InstanceID;
        };
        [Association]
        class Test_Dependency {
           [Key] Test_Element REF Antecedent;
           [Key] Test_Element REF Dependent;
        };
        [Association]
        class Test_Hosting : Test_Dependency {
           [Key, Override("Antecedent")] Test_Host REF Antecedent;
           [Key, Override("Dependent")] Test_Guest REF Dependent;
        };
        [Association]
        class Test_Peer {
           [Key] Test_Guest REF Left;
           [Key] Test_Guest REF Right;
        };
        [Association]
        class Test_ConformsToProfile {
           [Key] Test_Profile REF Standard;
           [Key] Test_Element REF Element;
        };
        """;

    public static CimClassRepository Repository { get; } = CimClassRepository.FromMof([("associations.mof", Mof)]);

    public static CimClass Class(string name) =>
        Repository.GetClass(name) ?? throw new InvalidOperationException($"{name} is not in the association schema.");

    public static CimInstance Element(string className, string name) =>
        new CimInstance(Class(className), Cimv2).Set("CreationClassName", className).Set("Name", name);

    public static CimInstance Profile(string id) => new CimInstance(Class("Test_Profile"), Interop).Set("InstanceID", id);

    /// <summary>An association instance in <paramref name="namespace"/> holding each end in its role.</summary>
    public static CimInstance Link(string className, (string Role, CimInstance End) from, (string Role, CimInstance End) to, string @namespace = Cimv2) =>
        new CimInstance(Class(className), @namespace)
            .Set(from.Role, CimValue.Reference(from.End.GetPath()))
            .Set(to.Role, CimValue.Reference(to.End.GetPath()));
}
