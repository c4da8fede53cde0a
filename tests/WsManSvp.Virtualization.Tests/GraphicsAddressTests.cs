using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Tests;

/// <summary>A display's endpoint in a graphics allocation's Address, written and read back.</summary>
public sealed class GraphicsAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", 5901, "127.0.0.1:5901")]
    [InlineData("host.example", null, "host.example")]
    [InlineData(null, 5900, ":5900")]
    [InlineData("::1", 5902, "[::1]:5902")]
    [InlineData("fe80::1", null, "fe80::1")]
    public void Endpoints_round_trip(string? listen, int? port, string address)
    {
        Assert.Equal(address, GraphicsAddress.Format(listen, port));
        Assert.True(GraphicsAddress.TryParse(address, out var l, out var p));
        Assert.Equal((listen, port), (l, p));
    }

    [Fact]
    public void No_endpoint_has_no_address()
    {
        Assert.Null(GraphicsAddress.Format(null, null));
    }

    [Theory]
    [InlineData("host:port")]
    [InlineData(":0")]
    [InlineData(":65536")]
    [InlineData("[::1")]
    [InlineData("[::1]5900")]
    [InlineData("a b:5900")]
    [InlineData(":")]
    public void Anything_else_is_no_endpoint(string address)
    {
        Assert.False(GraphicsAddress.TryParse(address, out _, out _));
    }
}
