namespace Connect.Sdk.ForeignNumbers;

/// <summary>
/// Keeps a spreadsheet from running a CSV cell as a formula (CSV injection, OWASP): the export puts an apostrophe
/// before a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, so that
/// Excel and LibreOffice show it as text; the import takes the apostrophe off again.
/// </summary>
/// <remarks>
/// A cell that itself starts with an apostrophe gets a second one, so that removing exactly one on import gives
/// back every value unchanged; an apostrophe a user typed before ordinary text (<c>'abc</c>) is left alone.
/// </remarks>
internal static class SpreadsheetFormulaGuard
{
    private const char TextMarker = '\'';

    /// <summary>The cell as the export writes it.</summary>
    public static string Escape(string cell) =>
        cell.Length > 0 && (StartsFormula(cell[0]) || cell[0] == TextMarker) ? TextMarker + cell : cell;

    /// <summary>The value of a cell the export escaped, or the cell unchanged.</summary>
    public static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == TextMarker && (StartsFormula(cell[1]) || cell[1] == TextMarker) ? cell[1..] : cell;

    private static bool StartsFormula(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
