using System.Security.Cryptography;
using System.Text;

namespace WsManSvp.Server.Authentication;

/// <summary>One user whose name and password come from WSMANSVP_USER / WSMANSVP_PASSWORD.</summary>
public sealed class EnvironmentCredentials(string user, string password) : ICredentialStore
{
    public const string UserVariable = "WSMANSVP_USER";
    public const string PasswordVariable = "WSMANSVP_PASSWORD";

    private readonly byte[] _user = SHA256.HashData(Encoding.UTF8.GetBytes(user));
    private readonly byte[] _password = SHA256.HashData(Encoding.UTF8.GetBytes(password));

    public long Generation => 0;

    public string Description => $"user '{user}' from the environment ({UserVariable}/{PasswordVariable})";

    public bool Verify(string user, string password)
    {
        // Hash both sides so the comparison takes the same time whatever the lengths.
        var userOk = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(user)), _user);
        var passwordOk = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), _password);
        return userOk & passwordOk;
    }

    public static EnvironmentCredentials? FromEnvironment() =>
        Environment.GetEnvironmentVariable(UserVariable) is { Length: > 0 } u &&
        Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } p
            ? new EnvironmentCredentials(u, p)
            : null;
}
