using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>Association filters that cannot be processed for what they say besides the Object: unknown classes, a malformed filter.</summary>
public sealed class AssociationFilterFaultTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("AssociationClassName")]
    [InlineData("ResultClassName")]
    [InlineData("AssociationInstances ResultClassName")]
    public async Task A_class_name_the_service_does_not_know_is_CannotProcessFilter(string where)
    {
        using var client = server.Client();
        var filter = where switch
        {
            "AssociationClassName" => Filters.AssociatedInstances(ModelEprs.Host, associationClass: "CIM_Nope"),
            "ResultClassName" => Filters.AssociatedInstances(ModelEprs.Host, resultClass: "CIM_Nope"),
            _ => Filters.AssociationInstances(ModelEprs.Host, resultClass: "CIM_Nope"),
        };

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(filter));

        Items.IsCannotProcessFilter(reply, "The association filter names class 'CIM_Nope', which this service does not know.");
    }

    [Fact]
    public async Task A_filter_without_an_Object_is_CannotProcessFilter()
    {
        using var client = server.Client();
        var filter = Filters.AssociatedInstances(ModelEprs.Host, resultClass: "CIM_Service");
        filter.Descendants(Filters.Wsmb + "Object").Remove();

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(filter));

        Items.IsCannotProcessFilter(reply, "The association filter names no wsmb:Object.");
    }

    [Fact]
    public async Task An_element_the_filter_does_not_have_is_CannotProcessFilter()
    {
        using var client = server.Client();
        var filter = Filters.AssociatedInstances(ModelEprs.Host);
        filter.Element(Filters.Wsmb + "AssociatedInstances")!.Add(new XElement(Filters.Wsmb + "MaxDepth", "2"));

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(filter));

        Items.IsCannotProcessFilter(reply, "The association filter does not take wsmb:MaxDepth.");
    }

    [Fact]
    public async Task A_filter_that_is_neither_AssociatedInstances_nor_AssociationInstances_is_CannotProcessFilter()
    {
        using var client = server.Client();
        var filter = Filters.AssociatedInstances(ModelEprs.Host);
        filter.Element(Filters.Wsmb + "AssociatedInstances")!.Name = Filters.Wsmb + "Associators";

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(filter));

        Items.IsCannotProcessFilter(reply, "An association filter holds wsmb:AssociatedInstances or wsmb:AssociationInstances, not wsmb:Associators.");
    }

    [Fact]
    public async Task An_empty_filter_is_CannotProcessFilter()
    {
        using var client = server.Client();
        var filter = Filters.AssociatedInstances(ModelEprs.Host);
        filter.RemoveNodes();

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(filter));

        Items.IsCannotProcessFilter(reply, "The association filter is empty.");
    }
}
