using System.Text;

namespace WsManSvp.Server.Authentication;

/// <summary>
/// The users file in the data directory: one "name:pbkdf2-sha256:ITERATIONS:SALT:HASH" line per user,
/// readable by its owner only. Reloaded when it changes on disk (checked every few seconds), which
/// bumps <see cref="Generation"/> and so voids cached verifications.
/// </summary>
public sealed class UserFile : ICredentialStore, IDisposable
{
    public const string FileName = "users";

    private readonly string _path;
    private readonly Timer? _watch;
    private volatile IReadOnlyDictionary<string, string> _users = new Dictionary<string, string>();
    private DateTime _loadedWriteTime;
    private long _generation;

    public UserFile(string dataDirectory, bool watch = true)
    {
        _path = Path.Combine(dataDirectory, FileName);
        Reload();
        if (watch) _watch = new Timer(_ => ReloadIfChanged(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    public string FilePath => _path;

    public long Generation => Interlocked.Read(ref _generation);

    public string Description => $"users file {_path}";

    public IReadOnlyCollection<string> Users => _users.Keys.ToArray();

    public bool Verify(string user, string password) =>
        _users.TryGetValue(user, out var stored) ? PasswordHash.Verify(password, stored) : PasswordHash.Verify(password, DummyHash);

    /// <summary>Adds or replaces a user; the file is rewritten atomically with owner-only permissions.</summary>
    public void Set(string user, string password)
    {
        if (user.Length == 0 || user.Contains(':') || user.Any(char.IsControl))
            throw new ArgumentException("A user name is non-empty and has no ':' or control characters.", nameof(user));
        var users = new Dictionary<string, string>(_users, StringComparer.Ordinal) { [user] = PasswordHash.Create(password) };
        Write(users);
    }

    public bool Remove(string user)
    {
        var users = new Dictionary<string, string>(_users, StringComparer.Ordinal);
        if (!users.Remove(user)) return false;
        Write(users);
        return true;
    }

    public void Dispose() => _watch?.Dispose();

    private void Write(Dictionary<string, string> users)
    {
        var text = new StringBuilder();
        foreach (var (name, hash) in users.OrderBy(u => u.Key, StringComparer.Ordinal)) text.Append(name).Append(':').Append(hash).Append('\n');
        var temp = _path + ".tmp";
        File.WriteAllText(temp, text.ToString());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, _path, overwrite: true);
        Reload();
    }

    private void ReloadIfChanged()
    {
        if (File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) != _loadedWriteTime : _users.Count > 0) Reload();
    }

    private void Reload()
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(_path))
        {
            _loadedWriteTime = File.GetLastWriteTimeUtc(_path);
            foreach (var line in File.ReadAllLines(_path))
            {
                var colon = line.IndexOf(':');
                if (colon > 0) users[line[..colon]] = line[(colon + 1)..];
            }
        }
        _users = users;
        Interlocked.Increment(ref _generation);
    }

    // Verifying against this when the user is unknown keeps the time the same as for a wrong password.
    private static readonly string DummyHash = PasswordHash.Create("not a password");
}
