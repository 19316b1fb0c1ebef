using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;

namespace ErpHost.Output;

/// <summary>Writes the story: numbered steps, ✔/✘ results, refusals with their reasons, and coloured statuses.</summary>
internal sealed class StoryWriter(TextWriter output, bool colours)
{
    private readonly Lock _gate = new();
    private int _step;

    public TextWriter Output => output;

    public void Step(string title)
    {
        lock (_gate)
        {
            output.WriteLine();
            Write(ConsoleColor.Cyan, $"{++_step}. {title}");
            output.WriteLine();
        }
    }

    public void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
        }
    }

    public void Good(string text) => Marked(ConsoleColor.Green, "✔", text);

    public void Bad(string text) => Marked(ConsoleColor.Red, "✘", text);

    public void Show(LifecycleResult result)
    {
        if (result.Succeeded)
        {
            foreach (var transition in result.Transitions)
            {
                var what = transition.Feature is { } feature ? $"{transition.Change} {feature}" : transition.Change.ToString();
                Good($"{what}: {transition.From} -> {transition.To}{(transition.Detail is { } d ? $" ({d})" : string.Empty)}");
            }

            return;
        }

        Bad("refused:");
        foreach (var reason in result.Reasons)
        {
            Line($"      - {reason.Message}");
        }
    }

    /// <summary>Writes a journal status in its colour, padded to a column.</summary>
    public void Status(JournalStatus status, int width)
    {
        lock (_gate)
        {
            Write(ColourOf(status), status.ToString().PadRight(width));
        }
    }

    public void Write(string text)
    {
        lock (_gate)
        {
            output.Write(text);
        }
    }

    public static ConsoleColor ColourOf(JournalStatus status) => status switch
    {
        JournalStatus.Succeeded => ConsoleColor.Green,
        JournalStatus.Warning => ConsoleColor.Yellow,
        JournalStatus.Failed => ConsoleColor.Red,
        JournalStatus.Queued or JournalStatus.Running => ConsoleColor.Cyan,
        _ => ConsoleColor.Gray,
    };

    private void Marked(ConsoleColor colour, string mark, string text)
    {
        lock (_gate)
        {
            output.Write("  ");
            Write(colour, mark);
            output.WriteLine($" {text}");
        }
    }

    private void Write(ConsoleColor colour, string text)
    {
        // Colours only on a terminal: redirected output (CI logs, the crash test) stays plain text.
        if (!colours)
        {
            output.Write(text);
            return;
        }

        var before = Console.ForegroundColor;
        Console.ForegroundColor = colour;
        output.Write(text);
        Console.ForegroundColor = before;
    }
}
