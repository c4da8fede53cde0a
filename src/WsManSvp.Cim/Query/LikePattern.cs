namespace WsManSvp.Cim.Query;

/// <summary>
/// A LIKE pattern, compiled once into atoms and matched by simulating its automaton (no backtracking, no
/// allocation for patterns of up to 127 atoms).
/// <para>WQL (WMI "LIKE Operator"): % any run of characters, _ any one character, [abc] / [a-f] a set,
/// [^a-f] its complement; WMI's documentation writes ranges [a=f], so '=' works as '-' does. Regardless of
/// case, as WMI matches.</para>
/// <para>CQL: DSP0202's basic regular expression as OpenPegasus implements it (CQLRegularExpression): . any
/// one character, * zero or more of what precedes it, \ makes the next character literal. A leading * is
/// literal, as in POSIX basic regular expressions. Case-sensitive, as CQL's string comparisons are.</para>
/// </summary>
internal sealed class LikePattern
{
    private const int StackStates = 128;

    private readonly LikeAtom[] _atoms;
    private readonly bool _ignoreCase;
    private readonly string? _exact;

    private LikePattern(List<LikeAtom> atoms, bool ignoreCase)
    {
        _atoms = [.. atoms];
        _ignoreCase = ignoreCase;
        if (atoms.TrueForAll(a => a is { Kind: LikeAtomKind.Literal, Repeats: false }))
            _exact = new string(atoms.ConvertAll(a => a.Character).ToArray());
    }

    public static LikePattern Parse(string pattern, QueryLanguage language, int position) =>
        language == QueryLanguage.Wql ? new LikePattern(ParseWql(pattern, position), ignoreCase: true)
            : new LikePattern(ParseCql(pattern, position), ignoreCase: false);

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        if (_exact is not null)
            return text.Equals(_exact, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        var count = _atoms.Length + 1;
        Span<bool> current = count <= StackStates ? stackalloc bool[StackStates] : new bool[count];
        Span<bool> next = count <= StackStates ? stackalloc bool[StackStates] : new bool[count];
        current = current[..count];
        next = next[..count];
        current[0] = true;
        Close(current);
        foreach (var c in text)
        {
            next.Clear();
            var alive = false;
            for (var i = 0; i < _atoms.Length; i++)
            {
                if (!current[i] || !_atoms[i].Matches(c, _ignoreCase)) continue;
                next[_atoms[i].Repeats ? i : i + 1] = true;
                alive = true;
            }
            if (!alive) return false;
            Close(next);
            var swap = current;
            current = next;
            next = swap;
        }
        return current[_atoms.Length];
    }

    /// <summary>A repeated atom may match nothing: being before it is also being after it.</summary>
    private void Close(Span<bool> states)
    {
        for (var i = 0; i < _atoms.Length; i++)
            if (states[i] && _atoms[i].Repeats) states[i + 1] = true;
    }

    private static List<LikeAtom> ParseWql(string pattern, int position)
    {
        var atoms = new List<LikeAtom>();
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '%':
                    if (atoms is not [.., { Kind: LikeAtomKind.Any, Repeats: true }]) atoms.Add(LikeAtom.Any(repeats: true));
                    break;
                case '_':
                    atoms.Add(LikeAtom.Any(repeats: false));
                    break;
                case '[':
                    i = ParseSet(pattern, i, position, atoms);
                    break;
                default:
                    atoms.Add(LikeAtom.Literal(pattern[i], ignoreCase: true));
                    break;
            }
        }
        return atoms;
    }

    /// <summary>Reads [set] or [^set] starting at <paramref name="open"/>; returns the index of its ']'.</summary>
    private static int ParseSet(string pattern, int open, int position, List<LikeAtom> atoms)
    {
        var i = open + 1;
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated) i++;
        var ranges = new List<(char Low, char High)>();
        for (; i < pattern.Length && pattern[i] != ']'; i++)
        {
            var low = pattern[i];
            if (i + 2 < pattern.Length && pattern[i + 1] is '-' or '=' && pattern[i + 2] != ']')
            {
                var high = pattern[i + 2];
                if (high < low)
                    throw new CimQueryException($"the LIKE pattern '{pattern}' has the range {low}-{high}, which is backwards", position);
                ranges.Add((low, high));
                i += 2;
            }
            else
            {
                ranges.Add((low, low));
            }
        }
        if (i >= pattern.Length)
            throw new CimQueryException($"the LIKE pattern '{pattern}' opens a set with '[' that no ']' closes", position);
        if (ranges.Count == 0)
            throw new CimQueryException($"the LIKE pattern '{pattern}' has an empty set '[]'", position);
        atoms.Add(LikeAtom.Set([.. ranges], negated));
        return i;
    }

    private static List<LikeAtom> ParseCql(string pattern, int position)
    {
        var atoms = new List<LikeAtom>();
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    if (++i == pattern.Length)
                        throw new CimQueryException($"the LIKE pattern '{pattern}' ends with an escaping '\\'", position);
                    atoms.Add(LikeAtom.Literal(pattern[i], ignoreCase: false));
                    break;
                case '.':
                    atoms.Add(LikeAtom.Any(repeats: false));
                    break;
                case '*' when atoms.Count > 0:
                    atoms[^1] = atoms[^1] with { Repeats = true };
                    break;
                default:
                    atoms.Add(LikeAtom.Literal(pattern[i], ignoreCase: false));
                    break;
            }
        }
        return atoms;
    }
}

internal enum LikeAtomKind : byte
{
    Literal,
    Any,
    Set,
}

/// <summary>One position of a LIKE pattern: a character, any character or a set; <see cref="Repeats"/> when it may occur any number of times.</summary>
internal readonly record struct LikeAtom(LikeAtomKind Kind, char Character, (char Low, char High)[]? Ranges, bool Negated, bool Repeats)
{
    public static LikeAtom Literal(char c, bool ignoreCase) =>
        new(LikeAtomKind.Literal, ignoreCase ? char.ToUpperInvariant(c) : c, null, false, false);

    public static LikeAtom Any(bool repeats) => new(LikeAtomKind.Any, '\0', null, false, repeats);

    public static LikeAtom Set((char Low, char High)[] ranges, bool negated) => new(LikeAtomKind.Set, '\0', ranges, negated, false);

    public bool Matches(char c, bool ignoreCase) => Kind switch
    {
        LikeAtomKind.Any => true,
        LikeAtomKind.Literal => Character == (ignoreCase ? char.ToUpperInvariant(c) : c),
        _ => Negated != (InSet(c) || (ignoreCase && (InSet(char.ToUpperInvariant(c)) || InSet(char.ToLowerInvariant(c))))),
    };

    private bool InSet(char c)
    {
        foreach (var (low, high) in Ranges!)
            if (c >= low && c <= high) return true;
        return false;
    }
}
