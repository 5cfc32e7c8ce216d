using System.CommandLine;
using System.Text;
using System.Text.Json;
using Talent.Profiles;

namespace Talent.Cli.Commands;

/// <summary>Results go to stdout: JSON in the HTTP API's shape with <c>--json</c>, readable text otherwise.</summary>
internal static class Output
{
    public static readonly Option<bool> Json = new("--json") { Description = "Print JSON (the HTTP API's shape) and nothing else" };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, ProfileJson.Indented));

    /// <summary>Writes <paramref name="value"/> to a file exactly as <see cref="WriteJson{T}(T)"/> prints it.</summary>
    public static void WriteJson<T>(string path, T value) => File.WriteAllText(path, JsonSerializer.Serialize(value, ProfileJson.Indented) + Environment.NewLine);

    /// <summary>
    /// Standard output with document and query text made safe for a terminal: control characters and terminal escape
    /// sequences (which could move the cursor, rewrite earlier lines, set the window title or colours) are dropped;
    /// line breaks and tabs stay. JSON output is unaffected (its encoder already escapes control characters).
    /// </summary>
    public static void UseTerminalSafeOutput() => Console.SetOut(new TerminalSafeWriter(Console.Out));

    /// <summary><paramref name="text"/> without control characters and terminal escape sequences, line breaks and tabs kept.</summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var safe = new TerminalSafeWriter(writer);
        safe.Write(text);
        safe.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Passes text through, dropping C0 and C1 control characters other than line feed and tab, DEL, and whole escape
    /// sequences: CSI (<c>ESC [</c> … final byte, or the 8-bit CSI), OSC, DCS, SOS, PM and APC strings up to their
    /// terminator, and two-character <c>ESC x</c> sequences. It keeps state across writes, so a sequence split over
    /// two writes is still dropped whole.
    /// </summary>
    internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        private readonly StringBuilder kept = new();
        private State state;

        private enum State
        {
            Text,
            Escape,
            Control,
            String,
            StringEscape,
        }

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            Take(value);
            Pass();
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Take(c);
            }

            Pass();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            foreach (var c in buffer.AsSpan(index, count))
            {
                Take(c);
            }

            Pass();
        }

        public override void Flush() => inner.Flush();

        /// <summary>Hands what was kept to the inner writer in one write (the console's writer flushes every write).</summary>
        private void Pass()
        {
            if (kept.Length > 0)
            {
                inner.Write(kept.ToString());
                kept.Clear();
            }
        }

        private void Take(char value)
        {
            switch (state)
            {
                case State.Text:
                    Text(value);
                    break;
                case State.Escape:
                    state = value switch
                    {
                        '[' => State.Control,
                        ']' or 'P' or 'X' or '^' or '_' => State.String,
                        _ => State.Text, // a two-character sequence ends here
                    };
                    break;
                case State.Control:
                    // Parameter and intermediate bytes (0x20–0x3F) continue the sequence; anything else ends it.
                    if (value is < (char)0x20 or > (char)0x3F)
                    {
                        state = State.Text;
                    }

                    break;
                case State.String:
                    // A string ends with BEL or ST (ESC \ or the 8-bit ST).
                    state = value switch
                    {
                        '\a' or '\u009C' => State.Text,
                        '\u001B' => State.StringEscape,
                        _ => State.String,
                    };
                    break;
                case State.StringEscape:
                    state = value == '\\' ? State.Text : State.String;
                    break;
            }
        }

        private void Text(char value)
        {
            switch (value)
            {
                case '\n' or '\t':
                    kept.Append(value);
                    break;
                case '\u001B':
                    state = State.Escape;
                    break;
                case '\u009B':
                    state = State.Control;
                    break;
                case '\u0090' or '\u009D' or '\u0098' or '\u009E' or '\u009F':
                    state = State.String;
                    break;
                default:
                    if (!char.IsControl(value))
                    {
                        kept.Append(value);
                    }

                    break;
            }
        }
    }
}
