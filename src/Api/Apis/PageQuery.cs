using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using Hospital.Api.Apis.Contracts;
using Hospital.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Api.Apis;

/// <summary>
/// The paging of every list that can grow: <c>?pageSize=</c> (default 20, at most 100) and <c>?cursor=</c>, the previous
/// page's <see cref="Page{T}.NextCursor"/>. A cursor is opaque to clients; it marks a position in the list's order, so an
/// item added before that position while a client pages shifts the later pages by one. Bad values are a 400 naming the field.
/// </summary>
public sealed class PageQuery
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    // Versioned, so another kind of cursor can come later without old ones being misread.
    private const string CursorPrefix = "o1:";

    /// <summary>Items per page, 1–100 (default 20). Text, so that "abc" is this API's field error rather than a binding failure.</summary>
    [FromQuery(Name = "pageSize"), Description("Items per page: 1 to 100, default 20.")]
    public string? PageSize { get; init; }

    /// <summary>The <c>nextCursor</c> of the previous page; absent for the first page.</summary>
    [FromQuery(Name = "cursor"), Description("The nextCursor of the previous page, unchanged; leave it out for the first page.")]
    public string? Cursor { get; init; }

    /// <summary>The page asked for: how many items to skip and how many to show.</summary>
    public PageWindow Window()
    {
        var errors = new Dictionary<string, string[]>();
        var size = DefaultSize;
        if (PageSize is not null && (!int.TryParse(PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxSize))
            errors["pageSize"] = [$"pageSize is a whole number from 1 to {MaxSize} (default {DefaultSize})."];
        var offset = 0;
        if (Cursor is not null && !TryDecode(Cursor, out offset))
            errors["cursor"] = ["Not a cursor this API gave out: pass a page's nextCursor unchanged, or leave it out for the first page."];
        return errors.Count == 0 ? new PageWindow(offset, size) : throw new InputValidationException(errors);
    }

    /// <summary>The cursor of the page that starts <paramref name="offset"/> items into the list.</summary>
    public static string Encode(int offset) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(CursorPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string cursor, out int offset)
    {
        offset = 0;
        if (cursor.Length > 32) return false;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        if (Base64Url.DecodeFromChars(cursor, bytes, out _, out var written) != System.Buffers.OperationStatus.Done) return false;
        var text = Encoding.ASCII.GetString(bytes, 0, written);
        return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
