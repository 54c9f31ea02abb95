namespace Storefront;

/// <summary>The command line and environment of the sample.</summary>
/// <param name="ConnectionString">A PostgreSQL to use, or null to start the embedded throwaway server.</param>
public sealed record StorefrontOptions(string? ConnectionString)
{
    public const string ConnectionStringVariable = "STOREFRONT_CONNECTION_STRING";
    public const string ConnectionStringOption = "--connection-string";

    public const string Usage =
        $"""
        Usage: dotnet run --project samples/Storefront -c Release [-- {ConnectionStringOption} <npgsql connection string>]

        Without a connection string (option or {ConnectionStringVariable}), the sample starts a throwaway PostgreSQL 15
        on a free loopback port and removes it on exit. With one, it re-creates the schema 'storefront' in that database.
        """;

    /// <summary>Reads the options; the command line wins over the environment. Null when the arguments are not understood.</summary>
    public static StorefrontOptions? Parse(IReadOnlyList<string> args, string? environmentConnectionString)
    {
        string? connectionString = string.IsNullOrWhiteSpace(environmentConnectionString) ? null : environmentConnectionString;
        for (int i = 0; i < args.Count; i++)
        {
            string argument = args[i];
            if (argument == ConnectionStringOption && i + 1 < args.Count)
            {
                connectionString = args[++i];
            }
            else if (argument.StartsWith(ConnectionStringOption + "=", StringComparison.Ordinal))
            {
                connectionString = argument[(ConnectionStringOption.Length + 1)..];
            }
            else
            {
                return null;
            }
        }

        return new StorefrontOptions(string.IsNullOrWhiteSpace(connectionString) ? null : connectionString);
    }
}
