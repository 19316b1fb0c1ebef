using Connect.Sdk.Scaling.Worker;

// Verbs: worker (one worker process), marketplace (the fakes, the connections and the orders), measure (1 and then
// 4 workers on the same work, a table of orders and runs per second). See docs/scaling.md.
var settings = ScalingSettings.Parse(args.Skip(1).ToArray());
return args.FirstOrDefault() switch
{
    "worker" => await WorkerProgram.RunAsync(settings),
    "marketplace" => await MarketplaceProgram.RunAsync(settings),
    "measure" => await ThroughputMeasurement.RunAsync(settings),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Connect.Sdk.Scaling.Worker worker|marketplace|measure [--name value ...]; the database in " + ScalingSettings.DatabaseVariable);
    return 2;
}
