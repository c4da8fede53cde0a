namespace WsManSvp.Server.Tests.Vm;

/// <summary>
/// The VM tier's tests share one server on qemu:///system and run one after another: one of them kills
/// libvirtd, which no other test may see.
/// </summary>
[CollectionDefinition(Name)]
public sealed class VmCollection : ICollectionFixture<VmServerFixture>
{
    public const string Name = "vm";
}
