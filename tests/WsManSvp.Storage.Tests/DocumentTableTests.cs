namespace WsManSvp.Storage.Tests;

public sealed class DocumentTableTests
{
    private static KeyValuePair<string, string> Document(string key, string document) => new(key, document);

    [Fact]
    public async Task Documents_put_replaced_and_deleted_are_found_so_after_a_reopen_in_key_order()
    {
        using var directory = new TempDirectory();
        await using (var database = directory.Open())
        {
            var table = new DocumentTable(database, "things");
            await table.PutAsync("b", """{"n":2}""");
            await table.PutAsync(Document("c", """{"n":3}"""), Document("a", """{"n":1}"""), Document("d", "{}"));
            await table.PutAsync("b", """{"n":22}""");
            await table.DeleteAsync("d");
            await table.DeleteAsync("never there");
        }

        await using var reopened = directory.Open();
        var documents = new DocumentTable(reopened, "things").LoadAll();

        Assert.Equal([Document("a", """{"n":1}"""), Document("b", """{"n":22}"""), Document("c", """{"n":3}""")], documents);
        Assert.Equal(Path.Combine(directory.Path, StateDatabase.FileName), reopened.Path);
    }

    [Fact]
    public async Task Tables_of_one_database_are_apart()
    {
        using var directory = new TempDirectory();
        await using var database = directory.Open();
        var one = new DocumentTable(database, "one");
        var two = new DocumentTable(database, "two_2");

        await one.PutAsync("k", "1");
        await two.PutAsync("k", "2");

        Assert.Equal([Document("k", "1")], one.LoadAll());
        Assert.Equal([Document("k", "2")], two.LoadAll());
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad name")]
    [InlineData("t; DROP TABLE x")]
    [InlineData("quote\"d")]
    public async Task A_table_name_that_is_not_letters_digits_and_underscores_is_refused(string name)
    {
        using var directory = new TempDirectory();
        await using var database = directory.Open();

        var e = Assert.Throws<ArgumentException>(() => new DocumentTable(database, name));

        Assert.Equal("name", e.ParamName);
    }

    [Fact]
    public async Task Many_documents_put_at_once_are_stored_all_or_none()
    {
        using var directory = new TempDirectory();
        await using var database = directory.Open();
        var table = new DocumentTable(database, "batch");
        await table.PutAsync("kept", "0");

        // The third document is null and cannot be written: the two before it must not stay.
        var failed = table.PutAsync(Document("x1", "1"), Document("x2", "2"), Document("x3", null!));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal([Document("kept", "0")], table.LoadAll());
        var many = Enumerable.Range(0, 5000).Select(i => Document($"k{i:D5}", $"{i}")).ToArray();
        await table.PutAsync(many);
        Assert.Equal(5001, table.LoadAll().Count);
    }
}
