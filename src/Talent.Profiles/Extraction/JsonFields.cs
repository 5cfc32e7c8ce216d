using System.Text.Json;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reading a resume's JSON fields whatever a writer put there: a property of an object (nothing when the element is no
/// object), its text (trimmed; nothing when it is not a string or is blank) and its items (nothing when it is no array).
/// </summary>
internal static class JsonFields
{
    public static JsonElement Property(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : default;

    public static string? Text(JsonElement element, string property) =>
        Property(element, property) is { ValueKind: JsonValueKind.String } value && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    public static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        Property(element, property) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];
}
