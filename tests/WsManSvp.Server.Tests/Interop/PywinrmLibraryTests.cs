using System.Text.Json;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>pywinrm itself (Protocol with the plaintext transport) against the running server, through the scripts in Clients/.</summary>
public abstract class PywinrmLibraryTests(ServerFixture server)
{
    private Task<JsonElement> Run(string script, params string[] arguments) =>
        PywinrmClient.RunAsync(script, server.Endpoint, ServerFixture.User, ServerFixture.Password, arguments);

    [Fact]
    public async Task Identify_through_send_message_reports_the_protocol_vendor_and_Basic_profile()
    {
        var identify = await Run("pywinrm_identify.py");

        Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", identify.GetProperty("protocolVersion").GetString());
        Assert.Equal("WsManSvp", identify.GetProperty("productVendor").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", identify.GetProperty("productVersion").GetString());
        Assert.Equal(["http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic"],
            identify.GetProperty("securityProfiles").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Get_of_the_host_through_send_message_returns_its_instance()
    {
        var get = await Run("pywinrm_get_host.py", ServerFixture.HostName);

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", get.GetProperty("action").GetString());
        Assert.True(get.GetProperty("relatesToRequest").GetBoolean());
        var instance = get.GetProperty("instance");
        Assert.Equal("CIM_ComputerSystem", instance.GetProperty("className").GetString());
        Assert.Equal(Envelopes.ClassUri("CIM_ComputerSystem"), instance.GetProperty("namespace").GetString());
        var properties = instance.GetProperty("properties");
        Assert.Equal(ServerFixture.HostName, properties.GetProperty("Name").GetString());
        Assert.Equal("CIM_ComputerSystem", properties.GetProperty("CreationClassName").GetString());
        Assert.Equal("2", properties.GetProperty("EnabledState").GetString());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("InstallDate").ValueKind);
    }

    [Fact]
    public async Task Enumerate_and_Pull_through_send_message_return_every_system_two_at_a_time()
    {
        var enumeration = await Run("pywinrm_enumerate_pull.py");

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse", enumeration.GetProperty("enumerateAction").GetString());
        Assert.True(enumeration.GetProperty("relatesToRequest").GetBoolean());
        Assert.All(enumeration.GetProperty("pullActions").EnumerateArray(),
            a => Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", a.GetString()));
        Assert.Equal([2, 2, 1], enumeration.GetProperty("batchSizes").EnumerateArray().Select(b => b.GetInt32()));
        Assert.True(enumeration.GetProperty("endOfSequence").GetBoolean());
        var names = enumeration.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("properties").GetProperty("ElementName").GetString()).ToArray();
        Assert.Equal(ServerFixture.HostName, names[0]);
        Assert.Equal(["build01", "db01", "test01", "web01"], names.Skip(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Open_shell_raises_WinRMError_with_the_DestinationUnreachable_fault()
    {
        var error = await Run("pywinrm_open_shell.py");

        Assert.Equal("WinRMError", error.GetProperty("exception").GetString());
        Assert.Contains("http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd", error.GetProperty("reason").GetString());
        var fault = error.GetProperty("faultData");
        Assert.Equal(500, fault.GetProperty("http_status_code").GetInt32());
        Assert.Equal("s:Sender", fault.GetProperty("fault_code").GetString());
        Assert.Equal("wsa:DestinationUnreachable", fault.GetProperty("fault_subcode").GetString());
        Assert.Equal("2150858811", fault.GetProperty("wsmanfault_code").GetString());
    }
}

public sealed class PywinrmLibraryOnSimulatorTests(ServerFixture server) : PywinrmLibraryTests(server), IClassFixture<ServerFixture>;

public sealed class PywinrmLibraryOnLibvirtTests(LibvirtServerFixture server) : PywinrmLibraryTests(server), IClassFixture<LibvirtServerFixture>;
