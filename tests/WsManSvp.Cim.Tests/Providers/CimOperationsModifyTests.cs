using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;

namespace WsManSvp.Cim.Tests.Providers;

/// <summary>CimOperations.ModifyInstanceAsync: to the provider of the instance's exact class, for an instance that exists.</summary>
public class CimOperationsModifyTests
{
    private static readonly CimCallContext Context = new("tester", CancellationToken.None);

    private readonly FakeProvider _settings = new FakeProvider(
            new ProvidedClass("root/interop", "Test_Setting"), new ProvidedClass("root/interop", "Test_TunedSetting"))
        .With(FakeProvider.Setting("Test_Setting", "plain", "root/interop").Set("U16", CimValue.UInt16(1)).Set("Caption", "old"))
        .With(FakeProvider.Setting("Test_TunedSetting", "tuned", "root/interop"));

    private readonly FakeAssociationProvider _readOnly = new(new ProvidedClass("root/cimv2", "Test_Setting"));

    private CimOperations Operations() => new(TestSchema.Repository, [_settings, _readOnly]);

    private static CimInstance Modified(string className, string id, string @namespace = "root/interop") =>
        new CimInstance(TestSchema.Class(className), @namespace).Set("InstanceID", id);

    [Fact]
    public async Task The_provider_of_the_exact_class_applies_the_specified_properties_and_returns_the_instance_as_it_now_is()
    {
        var operations = Operations();

        var result = await operations.ModifyInstanceAsync(
            Modified("Test_Setting", "plain").Set("U32", CimValue.UInt32(7)).Set("Caption", CimValue.Null(CimType.String)), Context);

        Assert.Equal((CimValue.UInt16(1), CimValue.UInt32(7)), (result["U16"], result["U32"]));
        Assert.True(result["Caption"].IsNull);
        Assert.Equal(
            ["Get root/interop:Test_Setting.InstanceID=\"plain\"", "Modify root/interop:Test_Setting.InstanceID=\"plain\" Caption,U32"],
            _settings.Calls);
        var now = await operations.GetInstanceAsync(TestSchema.Class("Test_Setting"), Modified("Test_Setting", "plain").GetPath(), Context);
        Assert.Equal(CimValue.UInt32(7), now!["U32"]);
    }

    [Fact]
    public async Task A_subclass_instance_goes_to_its_own_class()
    {
        var result = await Operations().ModifyInstanceAsync(Modified("Test_TunedSetting", "tuned").Set("U8", CimValue.UInt8(9)), Context);

        Assert.Equal(("Test_TunedSetting", CimValue.UInt8(9)), (result.Class.Name, result["U8"]));
    }

    [Theory]
    [InlineData("Test_Setting", "gone", "root/interop", "The instance root/interop:Test_Setting.InstanceID=\"gone\" does not exist.")]
    [InlineData("Test_Setting", "tuned", "root/interop", "The instance root/interop:Test_Setting.InstanceID=\"tuned\" does not exist.")]
    [InlineData("Test_Setting", "plain", "root/other", "The instance root/other:Test_Setting.InstanceID=\"plain\" does not exist.")]
    [InlineData("Test_Disk", "x", "root/interop", "The instance root/interop:Test_Disk.System=NULL,Number=NULL,Since=NULL does not exist.")]
    public async Task An_instance_that_does_not_exist_as_that_exact_class_is_not_found_and_nothing_is_modified(string className, string id, string ns, string message)
    {
        var modified = className == "Test_Disk"
            ? new CimInstance(TestSchema.Class(className), ns).Set("Size", CimValue.UInt64(1))
            : Modified(className, id, ns).Set("U8", CimValue.UInt8(1));

        var e = await Assert.ThrowsAsync<CimException>(async () => await Operations().ModifyInstanceAsync(modified, Context));

        Assert.Equal((CimStatus.NotFound, message), (e.Status, e.Message));
        Assert.DoesNotContain(_settings.Calls, c => c.StartsWith("Modify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_that_cannot_modify_its_class_says_NotSupported()
    {
        _readOnly.With(FakeProvider.Setting("Test_Setting", "ro"));

        var e = await Assert.ThrowsAsync<CimException>(async () =>
            await Operations().ModifyInstanceAsync(Modified("Test_Setting", "ro", "root/cimv2").Set("U8", CimValue.UInt8(1)), Context));

        Assert.Equal((CimStatus.NotSupported, "Associations cannot be modified."), (e.Status, e.Message));
    }
}
