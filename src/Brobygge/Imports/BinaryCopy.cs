using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Brobygge.Imports;

/// <summary>
/// Writes new rows of an entity with PostgreSQL's binary COPY, the columns taken from the EF Core model (names, value
/// converters such as enums by name), so a column another feature adds is copied too. Runs in the connection's current
/// transaction. Used by the import for its new rows and by the benchmark for its floor.
/// </summary>
public static class BinaryCopy
{
    private sealed record Column(string Name, IClrPropertyGetter Getter, ValueConverter? Converter, NpgsqlDbType Type);

    public static async Task<int> CopyAsync<T>(DbContext db, NpgsqlConnection connection, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return 0;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => (Property: p, Name: p.GetColumnName(table)))
            .Where(c => c.Name is not null)
            .Select(c => new Column(c.Name!, c.Property.GetGetter(), c.Property.GetTypeMapping().Converter, TypeOf(c.Property)))
            .ToList();
        var target = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {target} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                if (value is not null && column.Converter is not null)
                    value = column.Converter.ConvertToProvider(value);
                if (value is null)
                    writer.WriteNull();
                else
                    writer.Write(value, column.Type);
            }
        }
        await writer.CompleteAsync(cancellationToken);
        return rows.Count;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static NpgsqlDbType TypeOf(IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        var columnType = property.GetColumnType();
        if (columnType.StartsWith("timestamp without", StringComparison.Ordinal))
            return NpgsqlDbType.Timestamp;
        if (columnType is "jsonb")
            return NpgsqlDbType.Jsonb;
        return TypeOf(type);
    }

    private static NpgsqlDbType TypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray && type != typeof(byte[]))
            return NpgsqlDbType.Array | TypeOf(type.GetElementType()!);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return NpgsqlDbType.Array | TypeOf(type.GetGenericArguments()[0]);
        return type switch
        {
            _ when type == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when type == typeof(string) => NpgsqlDbType.Text,
            _ when type == typeof(DateOnly) => NpgsqlDbType.Date,
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
            _ when type == typeof(TimeOnly) => NpgsqlDbType.Time,
            _ when type == typeof(int) => NpgsqlDbType.Integer,
            _ when type == typeof(long) => NpgsqlDbType.Bigint,
            _ when type == typeof(short) => NpgsqlDbType.Smallint,
            _ when type == typeof(bool) => NpgsqlDbType.Boolean,
            _ when type == typeof(double) => NpgsqlDbType.Double,
            _ when type == typeof(float) => NpgsqlDbType.Real,
            _ when type == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when type == typeof(byte[]) => NpgsqlDbType.Bytea,
            _ => throw new NotSupportedException($"No COPY type for {type.Name}."),
        };
    }
}
