using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql;

public sealed class SqlSchemaTests
{
    private static SqlSchema Parse(params string[] files) =>
        SqlSchema.Parse(files.Select((text, i) => new SqlSchemaFile($"m/{i:D3}.sql", text)), CancellationToken.None);

    private static SqlTable Table(SqlSchema schema, string name)
    {
        Assert.True(schema.TryGetTable(name, out var table), $"table {name} missing");
        return table;
    }

    private static IEnumerable<string> IndexShapes(SqlTable table) =>
        table.Indexes.Select(i => $"{(i.IsUnique ? "unique " : "")}{i.Method}({string.Join(",", i.Keys.Select(k => (k.Column ?? k.Expression) + (k.Descending ? " desc" : "")))}){(i.Predicate is null ? "" : " where " + i.Predicate)}");

    [Fact]
    public void No_files_means_no_schema()
    {
        var schema = SqlSchema.Parse(Array.Empty<SqlSchemaFile>(), CancellationToken.None);

        Assert.Same(SqlSchema.Empty, schema);
        Assert.False(schema.IsKnown);
        Assert.False(schema.TryGetTable("orders", out _));
    }

    [Fact]
    public void Files_apply_in_ordinal_file_name_order_whatever_the_input_order()
    {
        var schema = SqlTestSchema.Schema;

        Assert.True(schema.IsKnown);
        Assert.NotNull(Table(schema, "customers").FindColumn("phone"));
        Assert.Null(Table(schema, "orders").FindColumn("legacy_code"));
        Assert.False(schema.TryGetTable("audit_log", out _));
    }

    [Fact]
    public void Unquoted_names_fold_to_lower_case_and_quoted_names_keep_case()
    {
        var schema = Parse("CREATE TABLE Users (Id int PRIMARY KEY, \"DisplayName\" text, public.x int);");
        var users = Table(schema, "users");

        Assert.Equal(new[] { "id", "DisplayName" }, users.Columns.Take(2).Select(c => c.Name));
        Assert.False(schema.TryGetTable("Users", out _));
    }

    [Fact]
    public void Primary_key_and_unique_are_indexed_but_foreign_keys_are_not()
    {
        var schema = Parse("""
            CREATE TABLE a (id int PRIMARY KEY, code text UNIQUE, b_id int REFERENCES b (id), c_id int,
                CONSTRAINT uq_a UNIQUE (c_id, code), FOREIGN KEY (c_id) REFERENCES c (id));
            CREATE TABLE pair (x int, y int, PRIMARY KEY (x, y));
            """);

        Assert.Equal(new[] { "unique btree(id)", "unique btree(code)", "unique btree(c_id,code)" }, IndexShapes(Table(schema, "a")));
        Assert.Equal(new[] { "unique btree(x,y)" }, IndexShapes(Table(schema, "pair")));
    }

    [Fact]
    public void Create_index_variants_are_modelled()
    {
        var schema = Parse("""
            CREATE TABLE t (a int, b int, c text, tags text[], d timestamptz);
            CREATE INDEX ON t (a, b DESC);
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_t_lower_c ON public.t (lower(c));
            CREATE INDEX ix_t_d_date ON ONLY t ((d::date)) WHERE a > 0;
            CREATE INDEX ix_t_tags ON t USING gin (tags);
            CREATE INDEX ix_t_c_pattern ON t (c text_pattern_ops NULLS FIRST) INCLUDE (a) WITH (fillfactor = 90);
            """);

        Assert.Equal(
            new[] { "btree(a,b desc)", "unique btree(lower ( c ))", "btree(d :: date) where a > 0", "gin(tags)", "btree(c)" },
            IndexShapes(Table(schema, "t")));
    }

    [Fact]
    public void Alter_table_adds_drops_and_renames_columns_and_constraints()
    {
        var schema = Parse(
            "CREATE TABLE t (id int, old text, gone text); CREATE INDEX ix_gone ON t (gone);",
            """
            ALTER TABLE t ADD COLUMN IF NOT EXISTS extra int, ADD another text, DROP COLUMN gone;
            ALTER TABLE IF EXISTS ONLY t ADD CONSTRAINT pk_t PRIMARY KEY (id);
            ALTER TABLE t ADD CONSTRAINT uq_t UNIQUE (another), ADD CONSTRAINT fk_t FOREIGN KEY (extra) REFERENCES x (id);
            ALTER TABLE t RENAME COLUMN old TO renamed;
            ALTER TABLE t RENAME TO t2;
            ALTER TABLE t2 DROP CONSTRAINT uq_t;
            """);
        var table = Table(schema, "t2");

        Assert.False(schema.TryGetTable("t", out _));
        Assert.Equal(new[] { "id", "renamed", "extra", "another" }, table.Columns.Select(c => c.Name));
        Assert.Equal(new[] { "unique btree(id)" }, IndexShapes(table));
    }

    [Fact]
    public void Drop_index_and_drop_table_remove_them()
    {
        var schema = Parse(
            "CREATE TABLE a (x int); CREATE INDEX ix_a_x ON a (x); CREATE TABLE b (y int); CREATE TABLE c (z int);",
            "DROP INDEX CONCURRENTLY IF EXISTS public.ix_a_x; DROP TABLE IF EXISTS b, c CASCADE;");

        Assert.Empty(Table(schema, "a").Indexes);
        Assert.False(schema.TryGetTable("b", out _));
        Assert.False(schema.TryGetTable("c", out _));
    }

    [Theory]
    [InlineData("CREATE VIEW v AS SELECT 1", "v")]
    [InlineData("CREATE OR REPLACE VIEW v AS SELECT 1", "v")]
    [InlineData("CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1", "mv")]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$", "f")]
    [InlineData("CREATE TYPE mood AS ENUM ('a', 'b')", "mood")]
    [InlineData("CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)", "p1")]
    [InlineData("CREATE TABLE copy AS SELECT * FROM x", "copy")]
    [InlineData("CREATE TABLE l (LIKE x INCLUDING ALL)", "l")]
    [InlineData("CREATE TABLE child (a int) INHERITS (parent)", "child")]
    [InlineData("CREATE SEQUENCE s", "s")]
    [InlineData("CREATE TEMP VIEW tv AS SELECT 1", "tv")]
    public void Statements_not_modelled_declare_their_name_as_opaque(string ddl, string name)
    {
        var schema = Parse(ddl);

        Assert.True(schema.IsOpaque(name));
        Assert.True(schema.Declares(name));
        Assert.False(schema.TryGetTable(name, out _));
    }

    [Fact]
    public void Schema_qualified_names_drop_public_and_keep_other_schemas()
    {
        var schema = Parse("CREATE TABLE public.a (x int); CREATE TABLE sales.b (y int);");

        Assert.True(schema.TryGetTable("a", out _));
        Assert.True(schema.TryGetTable("public.a", out _));
        Assert.True(schema.TryGetTable("sales.b", out _));
        Assert.False(schema.TryGetTable("b", out _));
    }

    [Fact]
    public void Statements_inside_strings_comments_and_do_blocks_are_ignored()
    {
        var schema = Parse("""
            -- CREATE TABLE commented (x int);
            /* CREATE TABLE blocked (x int); */
            DO $$ BEGIN CREATE TABLE dynamic (x int); END $$;
            CREATE TABLE real_one (note text DEFAULT 'CREATE TABLE fake (x int);');
            """);

        Assert.Equal(new[] { "real_one" }, schema.Tables.Select(t => t.Name));
    }

    [Fact]
    public void Malformed_migrations_do_not_throw()
    {
        var schema = Parse("CREATE TABLE (", "CREATE INDEX ON", "ALTER TABLE", "DROP", "CREATE TABLE t (a int", "CREATE UNIQUE INDEX x ON t (");

        Assert.True(schema.IsKnown);
    }

    [Fact]
    public void Cancellation_stops_parsing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => SqlSchema.Parse(SqlTestSchema.Files, cancellation.Token));
    }

    [Fact]
    public void Dropping_a_column_drops_the_indexes_on_it_and_only_those()
    {
        var schema = Parse(
            "CREATE TABLE t (id int PRIMARY KEY, code text, codes text); CREATE INDEX ix_lower_code ON t (lower(code)); CREATE INDEX ix_codes ON t (codes);",
            "ALTER TABLE t DROP COLUMN code;");

        Assert.Equal(new[] { "unique btree(id)", "btree(codes)" }, IndexShapes(Table(schema, "t")));
    }
}
