using System.Buffers;
using System.Globalization;
using System.Text;

namespace Hospital.Silo.Storage;

/// <summary>
/// Values written into SQL text as literals, for the VALUES lists of <see cref="RowSetCommand.Insert{T}"/>. Nothing is
/// escaped, because no text can end its literal early, whatever the server's SQL mode:
/// <list type="bullet">
/// <item>Text made only of ASCII letters, digits, spaces and <c>. _ : -</c> (our ids, statuses and channels) goes inside
/// plain single quotes: none of those characters ends a quoted string or means anything to the driver's parser.</item>
/// <item>Any other text goes as the hexadecimal digits of its UTF-8 bytes inside the dialect's
/// <see cref="ISqlDialect.HexText"/>, which only hexadecimal digits can fill.</item>
/// </list>
/// Hexadecimal doubles a text's length, and a pool writer's transaction builds, copies and sends its statements' text on
/// its own thread while the database waits, then the server parses it: plain ids made the engine faster (docs/performance.md).
/// </summary>
internal static class SqlLiteral
{
    /// <summary>Refuses text that is not valid UTF-16 (a lone surrogate) instead of storing a replacement character.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The characters a text may hold to be written inside plain quotes.</summary>
    private static readonly SearchValues<char> PlainText =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._:-");

    /// <summary>
    /// Appends <paramref name="value"/> (null, a string, int, long, decimal or UTC <see cref="DateTime"/>, as a
    /// <see cref="RowSet"/> carries them) to <paramref name="sql"/>.
    /// </summary>
    public static void Append(StringBuilder sql, object? value, ISqlDialect dialect)
    {
        switch (value)
        {
            case null: sql.Append("NULL"); break;
            case string text: AppendText(sql, text, dialect.HexText); break;
            case int number: sql.Append(CultureInfo.InvariantCulture, $"{number}"); break;
            case long number: sql.Append(CultureInfo.InvariantCulture, $"{number}"); break;
            case decimal number: sql.Append(CultureInfo.InvariantCulture, $"{number}"); break;
            case DateTime instant: sql.Append('\'').Append(dialect.FormatInstant(instant)).Append('\''); break;
            default: throw new ArgumentException($"A {value.GetType().Name} has no SQL literal here.", nameof(value));
        }
    }

    /// <summary>Appends one row of a VALUES list: "(" + the first <paramref name="columns"/> values + ")".</summary>
    public static void AppendRow(StringBuilder sql, object?[] values, int columns, ISqlDialect dialect)
    {
        sql.Append('(');
        for (var i = 0; i < columns; i++)
        {
            if (i > 0) sql.Append(", ");
            Append(sql, values[i], dialect);
        }
        sql.Append(')');
    }

    private static void AppendText(StringBuilder sql, string text, (string Prefix, string Suffix) hexText)
    {
        if (!text.AsSpan().ContainsAnyExcept(PlainText))
        {
            sql.Append('\'').Append(text).Append('\'');
            return;
        }
        var bytes = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(text.Length));
        var digits = ArrayPool<char>.Shared.Rent(bytes.Length * 2);
        try
        {
            var length = StrictUtf8.GetBytes(text, bytes);
            Convert.TryToHexString(bytes.AsSpan(0, length), digits, out var written);
            sql.Append(hexText.Prefix).Append(digits, 0, written).Append(hexText.Suffix);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(digits);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
