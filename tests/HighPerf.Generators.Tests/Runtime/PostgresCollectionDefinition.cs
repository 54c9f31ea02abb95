using HighPerf.Testing.Postgres;

namespace HighPerf.Generators.Tests.Runtime;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
