namespace Hospital.Api.Tests.Fuzz;

/// <summary>Values a careless or hostile client sends: wrong types, extremes, injections, control and unusual Unicode characters, oversized texts.</summary>
public static class HostileValues
{
    /// <summary>JSON tokens to put where a body field's value goes.</summary>
    public static readonly string[] Json =
    [
        "null", "\"\"", "\"   \"", "-1", "0", "1", "-2147483648", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
        "1e308", "-1e308", "1e400", "0.000000000000000000001", "12.3456789", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"",
        "true", "false", "[]", "{}", "[1,2]", "[null]", "{\"a\":{\"b\":[]}}", "\"1\"", "\"-1\"", "\"2147483648\"",
        "\"' OR '1'='1\"", "\"'); DROP TABLE doctors; --\"", "\"\\\" OR \\\"\\\"=\\\"\"", "\"{\\\"$ne\\\":null}\"", "\"<script>alert(1)</script>\"",
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u001f\\u007f\"", "\"line\\nbreak\\r\\n\"", "\"\\t\"", "\"\\ud800\"", "\"\\udfff\\ud800\"",
        "\"\\u202eevil\"", "\"\\u200b\\u200d\\ufeff\"", "\"𝕳𝖔𝖘𝖕𝖎𝖙𝖆𝖑\"", "\"😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷😷\"",
        "\"%00%2F..%2F\"", "\"../../etc/passwd\"", "\"Monday\"", "\"Morning\"", "\"07:00\"", "\"25:61\"", "\"07:00:30\"", "\"2026-02-30\"",
        Quoted(33), Quoted(65), Quoted(129), Quoted(257), Quoted(513), Quoted(1025), Quoted(4000), Quoted(20_000), "\"" + new string('心', 17) + "\"",
    ];

    /// <summary>Texts for path segments, query values and header values (escaped where they go).</summary>
    public static readonly string[] Text =
    [
        "-1", "0", "2147483647", "2147483648", "99999999999999999999", "-0", "1.5", "1e3", "NaN", "Infinity", "null", "true", " ", "%",
        "' OR 1=1 --", "'; DROP TABLE sessions; --", "\" OR \"\"=\"", "<script>", "{}", "[]", "..", "../..", "a/b", "\0", "a\u0001b", "\r\n",
        "\u202e", "\ufeff", "😷", "医生", "D0001-20261124-AM", "D1-20261124-AM", "D0001-99991231-AM", "D0001-20260230-AM", "D0001-20261124-XX",
        "D-001-20261124-AM", "D0000-20261124-AM", "D2147483648-20261124-AM", "a-b-c-d", "ap-D0001-20261124-AM-1", "Monday", "9", "Sunday,Monday",
        new string('D', 200), new string('9', 1000), new string('x', 5000),
    ];

    /// <summary>JSON tokens at the edges of a number field: signs, bounds of int and of the domain, NaN, overflow.</summary>
    public static readonly string[] JsonNumbers =
    [
        "-1", "0", "1001", "31", "29", "5.01", "10000.01", "12.345", "0.0005", "200000", "2000000", "2147483647", "2147483648", "-2147483648",
        "1e308", "1e400", "\"NaN\"", "\"Infinity\"", "\"-1\"", "null", "\"\"", "true", "[]",
    ];

    /// <summary>Texts at the edges of an id in a path: signs, bounds of int, not numbers at all.</summary>
    public static readonly string[] Ids = ["-1", "0", "-2147483648", "2147483647", "2147483648", "99999999999999999999", "1.5", "NaN", "1e3", "+1", "0x10", " 1"];

    private static string Quoted(int length) => "\"" + new string('x', length) + "\"";
}
