using System.Net;

namespace WsManSvp.Server.Tests.Processes;

/// <summary>"user add NAME" with the password on standard input, and the run command then accepting that user.</summary>
public sealed class UserCommandTests
{
    [Fact]
    public async Task A_user_added_with_the_password_on_stdin_authenticates_and_no_password_is_generated()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("data");

        var add = await ServerCommand.RunAsync(["user", "add", "alice", "--data-dir", data], standardInput: "alice-secret-1\n");

        Assert.True(add.ExitCode == 0, $"user add exited with {add.ExitCode}:\n{add.Stdout}\n{add.Stderr}");
        Assert.Contains("User 'alice' stored in", add.Stdout);
        var list = await ServerCommand.RunAsync(["user", "list", "--data-dir", data]);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal("alice", list.Stdout.Trim());
        Assert.DoesNotContain("alice-secret-1", File.ReadAllText(Path.Combine(data, "users")));

        await using var server = await ServerCommand.StartServerAsync(["--urls", "http://127.0.0.1:0", "--data-dir", data]);
        Assert.Null(server.GeneratedPassword);
        Assert.Equal(HttpStatusCode.OK, (await server.IdentifyAsync("alice", "alice-secret-1")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.IdentifyAsync("alice", "alice-secret-2")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.IdentifyAsync("wsman", "alice-secret-1")).Status);
    }

    [Fact]
    public async Task User_add_without_a_password_on_stdin_exits_2_and_stores_nothing()
    {
        using var temp = new TempDirectory();

        var add = await ServerCommand.RunAsync(["user", "add", "bob", "--data-dir", temp.Path], standardInput: "");

        Assert.Equal(2, add.ExitCode);
        Assert.Contains("password on standard input", add.Stderr);
        Assert.False(File.Exists(temp.Combine("users")));
    }
}
