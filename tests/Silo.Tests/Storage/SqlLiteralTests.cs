using System.Globalization;
using System.Text;
using Hospital.Silo.Storage;
using Hospital.Silo.Storage.MySql;
using Hospital.Silo.Storage.Sqlite;

namespace Hospital.Silo.Tests.Storage;

/// <summary>What a VALUES list's literals look like; that each database reads them back exactly is RowSetCommandContract's part.</summary>
public sealed class SqlLiteralTests
{
    [Fact]
    public void Append_TextBeyondLettersDigitsAndAFewMarks_WritesOnlyHexDigitsOfItsUtf8BytesInsideTheDialectsWrapper()
    {
        Assert.Equal("_utf8mb4 X'4F27425C22E58CBB'", Literal("O'B\\\"医", MySqlDialect.Instance));
        Assert.Equal("CAST(X'4F27425C22E58CBB' AS TEXT)", Literal("O'B\\\"医", SqliteDialect.Instance));
        foreach (var text in new[] { "a@b", "a?b", "a\\b", "a`b", "a#b", "a/b", "a;b", "a\nb", "é" })
            Assert.StartsWith("_utf8mb4 X'", Literal(text, MySqlDialect.Instance));
    }

    [Fact]
    public void Append_IdsStatusesAndPlainWords_AreQuotedAsTheyAre()
    {
        const string id = "s-2026-12-06_d12.am:3 Held";

        Assert.Equal($"'{id}'", Literal(id, MySqlDialect.Instance));
        Assert.Equal($"'{id}'", Literal(id, SqliteDialect.Instance));
        Assert.Equal("''", Literal("", MySqlDialect.Instance));
    }

    [Fact]
    public void Append_NumbersUnderACommaDecimalCulture_WritesThemInvariantly()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("-12.34", Literal(-12.34m, MySqlDialect.Instance));
            Assert.Equal("-1234567", Literal(-1_234_567, MySqlDialect.Instance));
            Assert.Equal("9876543210", Literal(9_876_543_210L, MySqlDialect.Instance));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Append_NullAndInstants_WritesNullAndTheDialectsQuotedInstant()
    {
        var at = new DateTime(2026, 11, 29, 7, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560);

        Assert.Equal("NULL", Literal(null, MySqlDialect.Instance));
        Assert.Equal("'2026-11-29 07:00:00.123456'", Literal(at, MySqlDialect.Instance));
        Assert.Equal("'2026-11-29 07:00:00.123456'", Literal(at, SqliteDialect.Instance));
    }

    [Fact]
    public void Append_TextWithALoneSurrogate_IsRefusedRatherThanStoredAltered()
    {
        var sql = new StringBuilder("x");

        Assert.ThrowsAny<ArgumentException>(() => SqlLiteral.Append(sql, "a\ud800b", SqliteDialect.Instance));

        Assert.Equal("x", sql.ToString());
    }

    [Fact]
    public void Append_AValueOfAnotherType_IsRefusedAndWritesNothing()
    {
        var sql = new StringBuilder("x");

        Assert.Throws<ArgumentException>(() => SqlLiteral.Append(sql, 1.5d, MySqlDialect.Instance));

        Assert.Equal("x", sql.ToString());
    }

    private static string Literal(object? value, ISqlDialect dialect)
    {
        var sql = new StringBuilder();
        SqlLiteral.Append(sql, value, dialect);
        return sql.ToString();
    }
}
