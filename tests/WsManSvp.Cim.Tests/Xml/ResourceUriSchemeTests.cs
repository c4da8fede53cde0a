using WsManSvp.Cim.Xml;

namespace WsManSvp.Cim.Tests.Xml;

public class ResourceUriSchemeTests
{
    [Fact]
    public void Each_scheme_builds_class_uris()
    {
        Assert.Equal("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem",
            ResourceUriScheme.Dmtf.ForClass("CIM_ComputerSystem", "root/interop"));
        Assert.Equal("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/interop/CIM_ComputerSystem",
            ResourceUriScheme.Wmi.ForClass("CIM_ComputerSystem", "root/interop"));
        Assert.False(ResourceUriScheme.Dmtf.IsWmi);
        Assert.True(ResourceUriScheme.Wmi.IsWmi);
    }

    [Theory]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem", false, "CIM_ComputerSystem", null)]
    [InlineData("HTTP://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Foo?__cimnamespace=root/cimv2", false, "CIM_Foo", null)]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service", true, "Win32_Service", "root/cimv2")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/ROOT/virtualization/v2/Msvm_ComputerSystem", true, "Msvm_ComputerSystem", "root/virtualization/v2")]
    public void Class_uris_are_split(string uri, bool isWmi, string className, string? @namespace)
    {
        Assert.True(ResourceUriScheme.TryParse(uri, out var scheme, out var parsedClass, out var parsedNamespace));

        Assert.Same(isWmi ? ResourceUriScheme.Wmi : ResourceUriScheme.Dmtf, scheme);
        Assert.Equal(className, parsedClass);
        Assert.Equal(@namespace, parsedNamespace);
    }

    [Theory]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/*")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/a/b")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/Win32_Service")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/")]
    [InlineData("http://example.com/CIM_ComputerSystem")]
    public void Other_uris_name_no_class(string uri)
    {
        Assert.False(ResourceUriScheme.TryParse(uri, out _, out var className, out var @namespace));
        Assert.Equal("", className);
        Assert.Null(@namespace);
    }
}
