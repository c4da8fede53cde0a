using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;

namespace WsManSvp.Cim.Tests.Xml;

/// <summary>Classes with embedded-instance parameters and properties, shaped like DSP1042's DefineSystem and RASD.</summary>
public static class EmbeddedSchema
{
    public const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

    public const string Mof = """
        [Abstract]
        class Emb_ManagedElement {
           string InstanceID;
           string ElementName;
        };
        class Emb_System {
           [Key] string CreationClassName;
           [Key] string Name;
        };
        class Emb_Disk {
           [Key] Emb_System REF System;
           [Key] uint32 Number;
        };
        class Emb_Setting : Emb_ManagedElement {
           [Key, Override("InstanceID")] string InstanceID;
           uint16 ResourceType;
           uint64 VirtualQuantity;
           boolean AutomaticAllocation;
           real64 Weight;
           char16 Letter;
           datetime Created;
           string Connection[];
           uint16 Codes[];
           Emb_System REF Parent;
           Emb_Disk REF Disk;
           [EmbeddedInstance("Emb_Setting")] string Inner;
        };
        class Emb_DiskSetting : Emb_Setting {
           string HostResource[];
        };
        class Emb_Other : Emb_ManagedElement {
           [Key, Override("InstanceID")] string InstanceID;
        };
        class Emb_Service {
           [Key] string Name;
           uint32 DefineSystem(
              [EmbeddedInstance("Emb_Setting")] string SystemSettings,
              [EmbeddedInstance("Emb_Setting")] string ResourceSettings[],
              [EmbeddedObject] string Anything,
              string Plain,
              [In(false), Out, EmbeddedInstance("Emb_Setting")] string Results[]);
        };
        """;

    public static CimClassRepository Repository { get; } = CimClassRepository.FromMof([("embedded.mof", Mof)]);

    public static CimClass Class(string name) =>
        Repository.GetClass(name) ?? throw new InvalidOperationException($"{name} is not in the embedded schema.");

    public static CimMethod DefineSystem => Class("Emb_Service").GetMethod("DefineSystem")!;

    public static CimXmlReader Reader() => new(new CimPathBinder(Repository, new HashSet<string> { "root/cimv2", "root/virt" }));

    public static string Uri(string className) => ClassPrefix + className;
}
