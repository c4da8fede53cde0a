using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Xml.XmlFixtures;

namespace WsManSvp.Cim.Tests.Xml;

/// <summary>What the writer produces, the reader reads back to the same values.</summary>
public class CimXmlRoundTripTests
{
    private readonly CimPathBinder _binder = new(TestSchema.Repository, new HashSet<string> { "root/cimv2", "root/interop" });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_instance_with_every_type_survives_writing_and_reading(bool wmi)
    {
        var owner = new CimObjectPath("root/interop", "Test_VirtualSystem",
            [new("CreationClassName", CimValue.String("Test_VirtualSystem")), new("Name", CimValue.String("vm <&> \"1\""))]);
        var written = new CimInstance(TestSchema.Class("Test_Setting"), "root/interop")
            .Set("InstanceID", "s:1 & <2>")
            .Set("Enabled", CimValue.Boolean(false))
            .Set("U8", CimValue.UInt8(1))
            .Set("S8", CimValue.SInt8(-1))
            .Set("U16", CimValue.UInt16(2))
            .Set("S16", CimValue.SInt16(-2))
            .Set("U32", CimValue.UInt32(3))
            .Set("S32", CimValue.SInt32(-3))
            .Set("U64", CimValue.UInt64(ulong.MaxValue))
            .Set("S64", CimValue.SInt64(long.MinValue))
            .Set("R32", CimValue.Real32(3.14159f))
            .Set("R64", CimValue.Real64(double.NaN))
            .Set("C16", CimValue.Char16('\t'))
            .Set("Created", CimValue.DateTime(new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromMinutes(-330)).AddTicks(1234560)))
            .Set("Timeout", CimValue.DateTime(CimDateTime.FromIntervalMicroseconds(100_000_000L * 86_400_000_000L - 1)))
            .Set("Notes", CimValue.StringArray("line 1\nline 2", " spaced "))
            .Set("Codes", CimValue.UInt16Array(0, 65535))
            .Set("Moments", CimValue.Array(CimType.DateTime, CimValue.DateTime(CimDateTime.FromIntervalMicroseconds(1)), CimValue.DateTime(DateTimeOffset.UnixEpoch)))
            .Set("Owner", CimValue.Reference(owner));

        var xml = Write(w => CimXmlWriter.WriteInstance(w, written, wmi ? ResourceUriScheme.Wmi : ResourceUriScheme.Dmtf));
        var r = ReaderOn(xml);
        var read = new CimXmlReader(_binder).ReadInstance(r, TestSchema.Class("Test_Setting"), "root/interop");

        AssertAtMarker(r);
        Assert.All(written.Class.Properties, p => Assert.Equal(written[p], read[p]));
    }

    [Fact]
    public void An_endpoint_reference_with_reference_and_datetime_keys_survives_writing_and_binding()
    {
        var system = new CimObjectPath("root/cimv2", "Test_ComputerSystem",
            [new("CreationClassName", CimValue.String("Test_ComputerSystem")), new("Name", CimValue.String("host"))]);
        var disk = new CimObjectPath("root/interop", "Test_Disk",
        [
            new("System", CimValue.Reference(system)),
            new("Number", CimValue.UInt32(4294967295)),
            new("Since", CimValue.DateTime(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(10))),
        ]);

        var r = ReaderOn(Write(w => CimXmlWriter.WriteEndpointReference(w, disk, ResourceUriScheme.Dmtf)));
        var bound = _binder.BindReference(EndpointReferenceReader.ReadEndpointReference(r), "root/cimv2");

        AssertAtMarker(r);
        Assert.Equal(disk, bound);
        Assert.Equal("root/cimv2", bound.GetKey("System")!.Value.AsReference().Namespace);
    }
}
