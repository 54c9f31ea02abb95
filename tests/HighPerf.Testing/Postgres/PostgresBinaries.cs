namespace HighPerf.Testing.Postgres;

/// <summary>Where the PostgreSQL 15 server programs live, checked before anything is started.</summary>
public sealed record PostgresBinaries(string Directory)
{
    /// <summary>The Debian location of the PostgreSQL 15 server programs.</summary>
    public const string DefaultDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>Overrides <see cref="DefaultDirectory"/>, e.g. for a PostgreSQL built from source.</summary>
    public const string DirectoryVariable = "HIGHPERF_POSTGRES_BIN";

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>The binaries in <paramref name="directory"/>, <see cref="DirectoryVariable"/> or the default, verified to exist.</summary>
    public static PostgresBinaries Locate(string? directory = null)
    {
        var binaries = new PostgresBinaries(
            directory ?? Environment.GetEnvironmentVariable(DirectoryVariable) ?? DefaultDirectory);
        foreach (var program in new[] { binaries.InitDb, binaries.PgCtl })
        {
            if (!File.Exists(program))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL 15 server program '{program}' was not found. The tests start a throwaway PostgreSQL 15 " +
                    $"cluster: install the Debian package postgresql (apt-get install -y postgresql), or point " +
                    $"{DirectoryVariable} at a directory holding initdb and pg_ctl.");
            }
        }

        return binaries;
    }
}
