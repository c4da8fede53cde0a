using WsManSvp.Server.Authentication;

namespace WsManSvp.Server.Hosting;

/// <summary>
/// Chooses where credentials come from: the environment when WSMANSVP_USER/WSMANSVP_PASSWORD are set,
/// else the users file, which on a first start gets a user with a generated password.
/// </summary>
public static class Credentials
{
    public const string GeneratedUser = "wsman";

    public sealed record Choice(ICredentialStore Store, string? GeneratedPassword);

    public static Choice Choose(string dataDirectory)
    {
        if (EnvironmentCredentials.FromEnvironment() is { } environment) return new Choice(environment, null);
        var file = new UserFile(dataDirectory);
        if (file.Users.Count > 0) return new Choice(file, null);
        var password = PasswordHash.GeneratePassword();
        file.Set(GeneratedUser, password);
        return new Choice(file, password);
    }
}
