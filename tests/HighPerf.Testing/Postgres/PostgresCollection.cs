namespace HighPerf.Testing.Postgres;

/// <summary>
/// The name of the test collection whose classes share one <see cref="PostgresFixture"/>. xunit only discovers a
/// collection definition in the test assembly itself, so each test project declares it once:
/// <code>
/// [CollectionDefinition(PostgresCollection.Name)]
/// public sealed class PostgresCollectionDefinition : ICollectionFixture&lt;PostgresFixture&gt;;
/// </code>
/// and its test classes opt in with <c>[Collection(PostgresCollection.Name)]</c> and a <see cref="PostgresFixture"/>
/// constructor parameter. Classes of one collection run one after another, never in parallel.
/// </summary>
public static class PostgresCollection
{
    public const string Name = "PostgreSQL";
}
