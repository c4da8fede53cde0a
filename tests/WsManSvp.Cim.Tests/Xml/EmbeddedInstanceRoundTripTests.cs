using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Xml.EmbeddedSchema;
using static WsManSvp.Cim.Tests.Xml.XmlFixtures;

namespace WsManSvp.Cim.Tests.Xml;

/// <summary>What the writer produces for embedded instances, the embedded-instance reader reads back to the same values.</summary>
public class EmbeddedInstanceRoundTripTests
{
    private static CimInstance Setting(string id) =>
        new CimInstance(Class("Emb_DiskSetting"), "root/virt")
            .Set("InstanceID", id + " <&> \"x\"")
            .Set("ResourceType", CimValue.UInt16(17))
            .Set("VirtualQuantity", CimValue.UInt64(ulong.MaxValue))
            .Set("AutomaticAllocation", CimValue.Boolean(true))
            .Set("Weight", CimValue.Real64(-0.5))
            .Set("Letter", CimValue.Char16('é'))
            .Set("Created", CimValue.DateTime(new DateTimeOffset(2024, 2, 29, 1, 2, 3, TimeSpan.FromHours(2))))
            .Set("Connection", CimValue.StringArray("net0", " spaced "))
            .Set("HostResource", CimValue.StringArray("/img/" + id))
            .Set("Parent", CimValue.Reference(new CimObjectPath("root/virt", "Emb_System",
                [new("CreationClassName", CimValue.String("Emb_System")), new("Name", CimValue.String("host"))])))
            .Set("Inner", CimValue.Instance(new CimInstance(Class("Emb_Setting"), "root/virt").Set("InstanceID", id + "-inner")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Written_parameters_read_back_as_the_same_instances(bool wmi)
    {
        var uris = wmi ? ResourceUriScheme.Wmi : ResourceUriScheme.Dmtf;
        var system = Setting("sys");
        var resources = CimValue.Array(CimType.Instance, CimValue.Instance(Setting("r1")), CimValue.Instance(Setting("r2")));
        var xml = Write(w =>
        {
            w.Start("p", "DefineSystem_INPUT");
            w.Attribute("xmlns:p"u8, uris.ForClass("Emb_Service", "root/virt"));
            CimXmlWriter.WriteProperty(w, "p"u8, "SystemSettings"u8, CimValue.Instance(system), uris);
            CimXmlWriter.WriteProperty(w, "p"u8, "ResourceSettings"u8, resources, uris);
            CimXmlWriter.WriteProperty(w, "p"u8, "Anything"u8, CimValue.Null(CimType.Instance), uris);
            w.End("p", "DefineSystem_INPUT");
        });

        var r = ReaderOn(xml);
        var read = Reader().ReadArguments(r, DefineSystem, "root/virt");

        AssertAtMarker(r);
        AssertSameInstance(system, read["SystemSettings"].AsInstance());
        Assert.Equal(2, read["ResourceSettings"].AsArray().Length);
        AssertSameInstance(resources.AsArray()[0].AsInstance(), read["ResourceSettings"].AsArray()[0].AsInstance());
        AssertSameInstance(resources.AsArray()[1].AsInstance(), read["ResourceSettings"].AsArray()[1].AsInstance());
        Assert.Equal(CimValue.Null(CimType.Instance), read["Anything"]);
    }

    [Fact]
    public void A_written_instance_with_an_embedded_property_reads_back_the_same()
    {
        var written = Setting("whole");

        var r = ReaderOn(Write(w => CimXmlWriter.WriteInstance(w, written, ResourceUriScheme.Dmtf)));
        var read = Reader().ReadInstance(r, Class("Emb_DiskSetting"), "root/virt");

        AssertAtMarker(r);
        AssertSameInstance(written, read);
    }

    private static void AssertSameInstance(CimInstance expected, CimInstance actual)
    {
        Assert.Same(expected.Class, actual.Class);
        Assert.Equal(expected.Namespace, actual.Namespace);
        foreach (var p in expected.Class.Properties)
        {
            var (e, a) = (expected[p], actual[p]);
            if (e.Type == CimType.Instance && !e.IsNull && !e.IsArray) AssertSameInstance(e.AsInstance(), a.AsInstance());
            else Assert.True(e.Equals(a), $"{p.Name}: wrote {e}, read {a}");
        }
    }
}
