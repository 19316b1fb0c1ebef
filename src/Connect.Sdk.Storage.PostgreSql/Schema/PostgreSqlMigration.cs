namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>
/// One step of a store's schema. Each store owns its tables as a module with its own version numbers, so stores
/// evolve independently and a step, once released, is never edited: a change is a new step.
/// </summary>
/// <param name="Module">The owning store's module, e.g. <c>leases</c>.</param>
/// <param name="Version">The step's number within the module: 1, 2, 3, …</param>
/// <param name="Description">What the step does, for the migration history.</param>
/// <param name="Sql">The statements, run in one transaction.</param>
internal sealed record PostgreSqlMigration(string Module, int Version, string Description, string Sql);
