using System.Text.Json;

namespace WsManSvp.Hypervisor.Libvirt.Tests;

internal static class Systems
{
    /// <summary>A value's full content as JSON, to compare records whose lists record equality compares by reference.</summary>
    public static string Content(object? value) => JsonSerializer.Serialize(value);
}
