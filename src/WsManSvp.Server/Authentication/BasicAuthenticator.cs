using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace WsManSvp.Server.Authentication;

/// <summary>
/// HTTP Basic authentication (RFC 7617) with a cache of verified credentials, so a key derivation is
/// paid once per credential and period, not per request. The cache is keyed by an HMAC of the header
/// under a per-process secret (no password is kept), bounded in size, expires entries after a short
/// time, and is voided whenever the credential store changes. Concurrent first requests with the same
/// credentials share one verification.
/// </summary>
public sealed class BasicAuthenticator
{
    private const int MaxCachedCredentials = 1024;

    private readonly ICredentialStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    // One keyed HMAC per thread: hashing with a ready context costs far less than a one-shot HMAC.
    private readonly ThreadLocal<HMACSHA256> _mac;
    private readonly ConcurrentDictionary<CacheKey, Verified> _cache = new();
    private readonly ConcurrentDictionary<CacheKey, Lazy<string?>> _inFlight = new();

    public BasicAuthenticator(ICredentialStore store, TimeProvider time, TimeSpan? cacheLifetime = null)
    {
        _store = store;
        _time = time;
        _lifetime = cacheLifetime ?? TimeSpan.FromMinutes(2);
        var secret = RandomNumberGenerator.GetBytes(32);
        _mac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(secret));
    }

    public ICredentialStore Store => _store;

    /// <summary>The user a Basic Authorization header proves, or null.</summary>
    public string? Authenticate(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = authorization.AsSpan(6).Trim();
        if (token.IsEmpty || token.Length > 1024) return null;

        var key = KeyOf(token);
        var now = _time.GetUtcNow();
        var generation = _store.Generation;
        if (_cache.TryGetValue(key, out var hit) && hit.Expires > now && hit.Generation == generation) return hit.User;

        var tokenText = token.ToString();
        var verification = _inFlight.GetOrAdd(key, _ => new Lazy<string?>(() => Verify(tokenText)));
        try
        {
            var user = verification.Value;
            if (user is not null)
            {
                if (_cache.Count >= MaxCachedCredentials) _cache.Clear();
                _cache[key] = new Verified(user, now + _lifetime, generation);
            }
            return user;
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(key, verification));
        }
    }

    private string? Verify(string token)
    {
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token)); }
        catch (FormatException) { return null; }
        var colon = decoded.IndexOf(':');
        if (colon <= 0) return null;
        var user = decoded[..colon];
        return _store.Verify(user, decoded[(colon + 1)..]) ? user : null;
    }

    private CacheKey KeyOf(ReadOnlySpan<char> token)
    {
        Span<byte> bytes = stackalloc byte[token.Length * 3];
        var length = Encoding.UTF8.GetBytes(token, bytes);
        Span<byte> mac = stackalloc byte[32];
        _mac.Value!.TryComputeHash(bytes[..length], mac, out _);
        return new CacheKey(
            BitConverter.ToUInt64(mac[..8]), BitConverter.ToUInt64(mac[8..16]),
            BitConverter.ToUInt64(mac[16..24]), BitConverter.ToUInt64(mac[24..]));
    }

    private readonly record struct CacheKey(ulong A, ulong B, ulong C, ulong D);

    private sealed record Verified(string User, DateTimeOffset Expires, long Generation);
}
