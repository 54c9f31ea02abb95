using HighPerf.Testing.Postgres;
using Xunit;

namespace HighPerf.Runtime.Tests.Infrastructure;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
