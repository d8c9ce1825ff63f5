using System.Text.Json;
using System.Text.Json.Serialization;
using Hospital.Grains.Catalog;

namespace Hospital.Api.Infrastructure.Json;

/// <summary>
/// Writes every instant in the hospital's zone with its offset (<c>2026-11-24T08:48:00+08:00</c>), whatever offset it
/// carries in memory: instants read back from storage are UTC, those the rules compute are the hospital's, and a client
/// must never see the same moment written two ways. Reading accepts any offset.
/// </summary>
public sealed class HospitalTimeJsonConverter(HospitalTime hospitalTime) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(hospitalTime.ToLocal(value));
}
