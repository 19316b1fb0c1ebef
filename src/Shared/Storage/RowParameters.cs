using System.Data;
using System.Data.Common;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The parameters of one row's statement in a batch (<see cref="RowStatements"/>), whether the rows
/// go to the database as one batch or through one statement rebound per row.
/// </summary>
internal sealed class RowParameters(DbParameterCollection parameters, Func<DbParameter> create, SqlDialect dialect)
{
    /// <summary>Sets a parameter whose type follows from its value; <see langword="null"/> is SQL NULL.</summary>
    public RowParameters With(string name, object? value) => Set(name, parameter => parameter.Value = value ?? DBNull.Value);

    /// <summary>Sets a parameter of a given type, for a value that may be <see langword="null"/>.</summary>
    public RowParameters With(string name, DbType type, object? value) => Set(name, parameter =>
    {
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
    });

    /// <summary>Sets a decimal as the dialect keeps decimals exactly.</summary>
    public RowParameters WithDecimal(string name, decimal? value) => Set(name, parameter => dialect.SetDecimal(parameter, value));

    private RowParameters Set(string name, Action<DbParameter> set)
    {
        var parameter = parameters.Contains(name) ? parameters[name] : null;
        if (parameter is null)
        {
            parameter = create();
            parameter.ParameterName = name;
            parameters.Add(parameter);
        }

        set(parameter);
        return this;
    }
}
