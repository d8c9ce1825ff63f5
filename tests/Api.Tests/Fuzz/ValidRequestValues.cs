using System.Text.Json;
using Hospital.Api.Tests.Hospital;

namespace Hospital.Api.Tests.Fuzz;

/// <summary>
/// A valid value for each parameter and body field: known ids and sensible fields by name, else a value of the schema's
/// type, so that a fuzz case with one bad value gets past the others and reaches deep code.
/// </summary>
public sealed class ValidRequestValues(FuzzTargets targets)
{
    // Idempotency keys and ID numbers must differ between requests.
    private int _keys;

    public string Path(FuzzOperation operation, string name) => name switch
    {
        "id" when operation.Path.Contains("/sessions/", StringComparison.Ordinal) => targets.SessionId,
        "id" when operation.Path.Contains("/appointments/{id}", StringComparison.Ordinal) => targets.AppointmentId,
        "id" when operation.Path.Contains("/patients/", StringComparison.Ordinal) => targets.PatientId,
        "sessionId" => targets.SessionId,
        "code" => "2A-01",
        "weekday" => "Tuesday",
        "period" => "Afternoon",
        "day" => "2026-11-23",
        "date" => "2026-12-01",
        _ => "1",
    };

    public static string Query(string name) => name switch
    {
        "q" => "心",
        "days" => "7",
        "date" => "2026-11-24",
        _ => "1",
    };

    public string Header(string name) => $"fuzz-{++_keys}";

    /// <summary>Each property of the body schema with a valid JSON value, by its name where it matters, else by its type.</summary>
    public Dictionary<string, string> Body(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => Field(p.Name, p.Value))
            : [];

    private string Field(string name, JsonElement schema) => name switch
    {
        "sessionId" => JsonSerializer.Serialize(targets.OtherSessionId),
        "patientId" => JsonSerializer.Serialize(targets.PatientId),
        "slotNo" or "channel" or "weeklyReleaseDay" or "from" or "insuranceType" => "null",
        "idNumber" => JsonSerializer.Serialize(TestIdNumbers.Number(5000 + ++_keys)),
        "phone" => "\"13800138000\"",
        "name" => "\"王五\"",
        "location" => "\"门诊楼3层\"",
        "releaseTime" => "\"07:00\"",
        "windowDays" => "7",
        "departmentId" or "rating" => "1",
        "title" => "\"ChiefPhysician\"",
        "specialties" => "[\"心衰\"]",
        "fee" => "10",
        "room" => "\"2A-01\"",
        "quota" => "20",
        "slotMinutes" => "10",
        "reason" => "\"医生临时停诊\"",
        "relationship" => "\"Other\"",
        _ => Types(schema).FirstOrDefault(t => t != "null") switch
        {
            "integer" or "number" => "0",
            "boolean" => "true",
            "array" => "[]",
            "object" => "{}",
            _ => "\"\"",
        },
    };

    public static bool IsNumber(JsonElement body, string field) =>
        body.GetProperty("properties").TryGetProperty(field, out var schema) && Types(schema).Any(t => t is "integer" or "number");

    private static IEnumerable<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!) : [type.GetString()!];
}
