using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// WQL and CQL filters that cannot be processed (wsen:CannotProcessFilter): syntax errors, unknown classes
/// and properties, each reason saying where in the query (1-based character position); a FROM class the
/// resource URI does not allow.
/// </summary>
public sealed class QueryFilterFaultTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string From = "SELECT * FROM CIM_ComputerSystem WHERE ";

    [Theory]
    [InlineData("DELETE FROM CIM_ComputerSystem", 1, "expected SELECT at the start of the query, found 'DELETE'")]
    [InlineData("SELECT FROM CIM_ComputerSystem", 8, "expected '*' or a property name after 'SELECT', found 'FROM'")]
    [InlineData("SELECT * FROM CIM_ComputerSystem WHER Name = 'x'", 34, "expected WHERE or the end of the query after 'CIM_ComputerSystem', found 'WHER'")]
    [InlineData(From + "Name =", 46, "expected a property name or a literal after '=', found the end of the query")]
    [InlineData(From + "(EnabledState = 2", 57, "expected AND, OR or ')' after '2', found the end of the query")]
    [InlineData(From + "EnabledState = 2 #", 57, "unexpected character '#'")]
    [InlineData(From + "ElementName = 'web01", 54, "the string starting here has no closing quote")]
    [InlineData(From + "ElementName LIKE '[z-a]'", 57, "the LIKE pattern '[z-a]' has the range z-a, which is backwards")]
    [InlineData("SELECT * FROM CIM_Nope", 15, "class 'CIM_Nope' is not known")]
    [InlineData("SELECT Nope FROM CIM_ComputerSystem", 8, "class CIM_ComputerSystem has no property 'Nope'")]
    [InlineData(From + "Nope = 1", 40, "class CIM_ComputerSystem has no property 'Nope'")]
    [InlineData(From + "__this ISA 'CIM_Nope'", 51, "class 'CIM_Nope' is not known")]
    [InlineData(From + "EnabledState LIKE '2%'", 40, "LIKE matches strings, and EnabledState is uint16")]
    public async Task A_WQL_error_is_CannotProcessFilter_saying_what_and_where(string query, int position, string problem)
    {
        using var client = server.Client();

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(Filters.Wql(query)));

        Items.IsCannotProcessFilter(reply, $"at position {position}: {problem}");
        Assert.StartsWith("The WQL filter '", reply.Reason);
    }

    [Theory]
    [InlineData(From + "ElementName = \"web01\"", 54, "CQL (DSP0202) quotes strings with ', not \"")]
    [InlineData(From + "EnabledState != 2", 53, "'!=' is WQL; CQL (DSP0202) writes '<>'")]
    [InlineData(From + "__this ISA 'CIM_Processor'", 51, "expected a class name after 'ISA', found ''CIM_Processor''")]
    [InlineData("SELECT * FROM CIM_Nope", 15, "class 'CIM_Nope' is not known")]
    public async Task A_CQL_error_is_CannotProcessFilter_saying_what_and_where(string query, int position, string problem)
    {
        using var client = server.Client();

        var reply = await client.EnumerateAsync(Enumeration.AllClasses(Filters.Cql(query)));

        Items.IsCannotProcessFilter(reply, $"at position {position}: {problem}");
        Assert.StartsWith("The CQL filter '", reply.Reason);
    }

    [Theory]
    [InlineData("CIM_ComputerSystem", "CIM_ResourcePool")]
    [InlineData("CIM_ComputerSystem", "CIM_System")]
    [InlineData("CIM_ResourcePool", "CIM_ComputerSystem")]
    public async Task A_FROM_class_that_is_not_the_resource_URIs_class_or_derived_is_CannotProcessFilter(string uriClass, string fromClass)
    {
        using var client = server.Client();

        var reply = await client.EnumerateAsync(Enumeration.OfClass(uriClass, Filters.Wql("SELECT * FROM " + fromClass)));

        Items.IsCannotProcessFilter(reply, $"The query selects from {fromClass}, which is not {uriClass} (the resource URI's class) or derived from it.");
    }

    [Fact]
    public async Task A_FROM_class_derived_from_the_resource_URIs_class_is_queried()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.OfClass("CIM_System", Filters.Cql("SELECT * FROM CIM_ComputerSystem")));

        Assert.Equal(["build01", "db01", ServerFixture.HostName, "test01", "web01"], Items.ElementNames(items));
    }
}
