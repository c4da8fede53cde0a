namespace WsManSvp.Server.Authentication;

/// <summary>Where user names and passwords are checked.</summary>
public interface ICredentialStore
{
    /// <summary>Changes whenever the set of valid credentials may have changed; cached verifications of an older generation are void.</summary>
    long Generation { get; }

    /// <summary>A human-readable account of where credentials come from.</summary>
    string Description { get; }

    bool Verify(string user, string password);
}
