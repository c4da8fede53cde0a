using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>The read-only use cases on the libvirt backend, sharing one server as <see cref="UseCaseCollection"/> does.</summary>
[CollectionDefinition(Name)]
public sealed class LibvirtUseCaseCollection : ICollectionFixture<LibvirtServerFixture>
{
    public const string Name = "DSP1042 use cases on libvirt";
}

/// <summary>Figure 6 on the libvirt backend.</summary>
[CollectionDefinition(Name)]
public sealed class LibvirtFigure6Collection : ICollectionFixture<LibvirtFigure6Fixture>
{
    public const string Name = "DSP1042 Figure 6 on libvirt";
}

public sealed class LibvirtFigure6Fixture : Figure6Fixture
{
    public LibvirtFigure6Fixture() : base(new LibvirtServerFixture()) { }
}
