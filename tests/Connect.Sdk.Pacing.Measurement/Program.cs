using Connect.Sdk.Pacing.Measurement;

// Verbs: measure (the marketplace, then every scenario side by side, a table), writer (one client process writing into
// the marketplace; started by measure). See tests/pacing/measure-pacing.sh and docs/performance.md.
var settings = PacingSettings.Parse(args.Skip(1).ToArray());
return args.FirstOrDefault() switch
{
    "measure" => await PacingMeasurement.RunAsync(settings),
    "writer" => await WriterProgram.RunAsync(settings),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Connect.Sdk.Pacing.Measurement measure|writer [--name value ...]");
    return 2;
}
