using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Tests.Model;

public class CimInstanceTests
{
    [Fact]
    public void A_new_instance_holds_typed_nulls()
    {
        var instance = new CimInstance(TestSchema.Class("Test_Setting"));

        Assert.Equal(CimObjectPath.DefaultNamespace, instance.Namespace);
        Assert.Equal(CimValue.Null(CimType.UInt16, isArray: true), instance["Codes"]);
        Assert.Equal(CimValue.Null(CimType.Reference), instance["owner"]);
    }

    [Fact]
    public void Set_checks_type_and_arity_and_turns_nulls_into_the_property_type()
    {
        var instance = new CimInstance(TestSchema.Class("Test_Setting"), "root/interop")
            .Set("InstanceID", "id-1")
            .Set("u16", CimValue.UInt16(3))
            .Set("Codes", CimValue.UInt16Array(1, 2))
            .Set("Notes", CimValue.Null(CimType.String));

        Assert.Equal(CimValue.String("id-1"), instance["InstanceID"]);
        Assert.Equal(CimValue.UInt16(3), instance[instance.Property("U16")]);
        Assert.Equal(CimValue.UInt16Array(1, 2), instance["Codes"]);
        Assert.Equal(CimValue.Null(CimType.String, isArray: true), instance["Notes"]);
        Assert.Equal("Test_Setting.U16 is uint16 U16, not uint32. (Parameter 'value')",
            Assert.Throws<ArgumentException>(() => instance.Set("U16", CimValue.UInt32(3))).Message);
        Assert.Equal("Test_Setting.Codes is uint16[] Codes, not uint16. (Parameter 'value')",
            Assert.Throws<ArgumentException>(() => instance.Set("Codes", CimValue.UInt16(3))).Message);
        Assert.Equal("Class Test_Setting has no property Missing.",
            Assert.Throws<KeyNotFoundException>(() => instance.Set("Missing", "x")).Message);
    }

    [Fact]
    public void GetPath_is_namespace_class_and_keys()
    {
        var instance = new CimInstance(TestSchema.Class("Test_ComputerSystem"), "root/interop")
            .Set("Name", "vm1")
            .Set("CreationClassName", "Test_ComputerSystem")
            .Set("Caption", "not a key");

        var path = instance.GetPath();

        Assert.Equal("root/interop:Test_ComputerSystem.CreationClassName=\"Test_ComputerSystem\",Name=\"vm1\"", path.ToString());
    }
}
