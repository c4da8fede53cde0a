using System.Buffers;
using System.Text;

namespace WsManSvp.Cim.Xml;

/// <summary>
/// A forward-only XML writer into a pooled UTF-8 buffer. Prefixes are the caller's (the envelope declares
/// the common ones once); text is escaped and characters XML 1.0 forbids are replaced. Because the output
/// is one buffer, a caller can measure it and roll it back to a <see cref="Mark"/>, which is how
/// enumeration packs as many items as fit an envelope size.
/// </summary>
public sealed class Utf8XmlWriter : IDisposable
{
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create(
        "&<>\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create(
        "&<>\"\t\n\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private byte[] _buffer;
    private int _length;
    private bool _tagOpen;

    public Utf8XmlWriter(int initialCapacity = 8192)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>Bytes written so far, counting a start tag's pending '&gt;'.</summary>
    public int Length => _length + (_tagOpen ? 1 : 0);

    public ReadOnlySpan<byte> WrittenSpan
    {
        get
        {
            CloseTag();
            return _buffer.AsSpan(0, _length);
        }
    }

    public ReadOnlyMemory<byte> WrittenMemory
    {
        get
        {
            CloseTag();
            return _buffer.AsMemory(0, _length);
        }
    }

    public void Start(ReadOnlySpan<byte> qualifiedName)
    {
        CloseTag();
        Put((byte)'<');
        Put(qualifiedName);
        _tagOpen = true;
    }

    public void Start(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> localName)
    {
        CloseTag();
        Put((byte)'<');
        Put(prefix);
        Put((byte)':');
        Put(localName);
        _tagOpen = true;
    }

    public void Start(string prefix, string localName)
    {
        CloseTag();
        Put((byte)'<');
        PutName(prefix, localName);
        _tagOpen = true;
    }

    public void End(ReadOnlySpan<byte> qualifiedName)
    {
        if (_tagOpen)
        {
            Put("/>"u8);
            _tagOpen = false;
            return;
        }
        Put("</"u8);
        Put(qualifiedName);
        Put((byte)'>');
    }

    public void End(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> localName)
    {
        if (_tagOpen)
        {
            Put("/>"u8);
            _tagOpen = false;
            return;
        }
        Put("</"u8);
        Put(prefix);
        Put((byte)':');
        Put(localName);
        Put((byte)'>');
    }

    public void End(string prefix, string localName)
    {
        if (_tagOpen)
        {
            Put("/>"u8);
            _tagOpen = false;
            return;
        }
        Put("</"u8);
        PutName(prefix, localName);
        Put((byte)'>');
    }

    /// <summary>An attribute of the element just started; the value is escaped.</summary>
    public void Attribute(ReadOnlySpan<byte> qualifiedName, ReadOnlySpan<char> value)
    {
        if (!_tagOpen) throw new InvalidOperationException("Attributes belong right after a start tag.");
        Put((byte)' ');
        Put(qualifiedName);
        Put("=\""u8);
        PutEscaped(value, AttributeSpecials);
        Put((byte)'"');
    }

    /// <summary>An attribute whose value is already valid attribute text (a constant).</summary>
    public void AttributeRaw(ReadOnlySpan<byte> qualifiedName, ReadOnlySpan<byte> value)
    {
        if (!_tagOpen) throw new InvalidOperationException("Attributes belong right after a start tag.");
        Put((byte)' ');
        Put(qualifiedName);
        Put("=\""u8);
        Put(value);
        Put((byte)'"');
    }

    public void Text(ReadOnlySpan<char> text)
    {
        CloseTag();
        PutEscaped(text, TextSpecials);
    }

    /// <summary>Text already valid as element content (a constant, digits).</summary>
    public void TextRaw(ReadOnlySpan<byte> utf8)
    {
        CloseTag();
        Put(utf8);
    }

    public void Text<T>(T value) where T : IUtf8SpanFormattable
    {
        CloseTag();
        int written;
        while (!value.TryFormat(_buffer.AsSpan(_length), out written, default, System.Globalization.CultureInfo.InvariantCulture))
            Grow(64);
        _length += written;
    }

    public void Element(ReadOnlySpan<byte> qualifiedName, ReadOnlySpan<char> text)
    {
        Start(qualifiedName);
        Text(text);
        End(qualifiedName);
    }

    public void ElementRaw(ReadOnlySpan<byte> qualifiedName, ReadOnlySpan<byte> text)
    {
        Start(qualifiedName);
        TextRaw(text);
        End(qualifiedName);
    }

    /// <summary>A position to roll back to. Completes any pending start tag first.</summary>
    public int Mark()
    {
        CloseTag();
        return _length;
    }

    /// <summary>Forgets everything written after <paramref name="mark"/>.</summary>
    public void Rewind(int mark)
    {
        _tagOpen = false;
        _length = mark;
    }

    /// <summary>Removes bytes already written (both ends must fall between elements or within text).</summary>
    public void Remove(int start, int length)
    {
        CloseTag();
        _buffer.AsSpan(start + length, _length - start - length).CopyTo(_buffer.AsSpan(start));
        _length -= length;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    private void CloseTag()
    {
        if (!_tagOpen) return;
        _tagOpen = false;
        Put((byte)'>');
    }

    private void PutName(string prefix, string localName)
    {
        if (prefix.Length > 0)
        {
            PutAscii(prefix);
            Put((byte)':');
        }
        PutAscii(localName);
    }

    /// <summary>Names are ASCII in practice; anything else goes through the full encoder.</summary>
    private void PutAscii(string s)
    {
        Ensure(s.Length * 3);
        _length += Encoding.UTF8.GetBytes(s, _buffer.AsSpan(_length));
    }

    private void PutEscaped(ReadOnlySpan<char> text, SearchValues<char> specials)
    {
        while (!text.IsEmpty)
        {
            var i = text.IndexOfAny(specials);
            var run = i < 0 ? text : text[..i];
            if (!run.IsEmpty)
            {
                Ensure(Encoding.UTF8.GetMaxByteCount(run.Length));
                _length += Encoding.UTF8.GetBytes(run, _buffer.AsSpan(_length));
            }
            if (i < 0) return;
            Put(text[i] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '"' => "&quot;"u8,
                '\t' => "&#x9;"u8,
                '\n' => "&#xA;"u8,
                '\r' => "&#xD;"u8,
                _ => "\uFFFD"u8, // a character XML 1.0 cannot carry
            });
            text = text[(i + 1)..];
        }
    }

    private void Put(byte b)
    {
        Ensure(1);
        _buffer[_length++] = b;
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length) Grow(extra);
    }

    private void Grow(int extra)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
