using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace WsManSvp.Server.Tests.Processes;

/// <summary>The run command's first start with no users and no credentials in the environment, and the start after it.</summary>
public sealed class FirstStartCredentialsTests
{
    [Fact]
    public async Task A_first_start_prints_a_generated_password_once_and_stores_only_its_salted_hash()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("data");
        string[] arguments = ["--urls", "http://127.0.0.1:0", "--data-dir", data];
        string password;

        await using (var first = await ServerCommand.StartServerAsync(arguments))
        {
            Assert.Equal("wsman", first.GeneratedUser);
            password = first.GeneratedPassword ?? throw new Xunit.Sdk.XunitException("No generated password in the banner:\n" + first.Banner);
            Assert.True(password.Length >= 16, $"A generated password should be long; got '{password}'.");
            Assert.Single(first.Banner.Split('\n'), line => line.Contains(password, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await first.IdentifyAsync("wsman", password)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await first.IdentifyAsync("wsman", password + "x")).Status);
        }

        var users = Path.Combine(data, "users");
        var text = File.ReadAllText(users);
        Assert.DoesNotContain(password, text);
        AssertSaltedPbkdf2(Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)), "wsman", password);
        // Owner-only permissions are Unix mode bits; Windows has none to check.
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(users));

        await using var second = await ServerCommand.StartServerAsync(arguments);
        Assert.Null(second.GeneratedPassword);
        Assert.DoesNotContain(password, second.Banner);
        Assert.DoesNotContain("Generated", second.Banner);
        Assert.Equal(HttpStatusCode.OK, (await second.IdentifyAsync("wsman", password)).Status);
        Assert.Equal(text, File.ReadAllText(users));
    }

    /// <summary>"NAME:pbkdf2-sha256:ITERATIONS:SALT:HASH", and HASH is PBKDF2-SHA256 of the password under that salt.</summary>
    private static void AssertSaltedPbkdf2(string line, string user, string password)
    {
        var parts = line.Split(':');
        Assert.Equal(5, parts.Length);
        Assert.Equal(user, parts[0]);
        Assert.Equal("pbkdf2-sha256", parts[1]);
        var iterations = int.Parse(parts[2]);
        Assert.True(iterations >= 100_000, $"{iterations} PBKDF2 iterations are too few.");
        var salt = Convert.FromBase64String(parts[3]);
        Assert.True(salt.Length >= 16, $"A {salt.Length}-byte salt is too short.");
        var hash = Convert.FromBase64String(parts[4]);
        Assert.Equal(hash, Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, hash.Length));
    }
}
