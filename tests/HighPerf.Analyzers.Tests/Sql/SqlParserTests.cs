using HighPerf.Analyzers.Sql.Lexing;
using HighPerf.Analyzers.Sql.Syntax;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql;

public sealed class SqlParserTests
{
    private static SqlStatement ParseOne(string sql) =>
        Assert.Single(SqlParser.Parse(SqlTokenizer.Tokenize(sql), CancellationToken.None));

    private static SqlSelect SelectOf(string sql) =>
        Assert.IsType<SqlSelect>(Assert.IsType<SqlSelectStatement>(ParseOne(sql)).Query.Body);

    [Fact]
    public void Select_with_every_clause_parses_completely()
    {
        var statement = Assert.IsType<SqlSelectStatement>(ParseOne("""
            SELECT DISTINCT o.id, sum(i.quantity) AS qty
            FROM orders o
            JOIN order_items i ON i.order_id = o.id
            WHERE o.status = @status AND o.total > 10
            GROUP BY o.id
            HAVING sum(i.quantity) > 1
            ORDER BY qty DESC NULLS LAST
            LIMIT 10 OFFSET 20
            FOR UPDATE OF o SKIP LOCKED
            """));
        var select = Assert.IsType<SqlSelect>(statement.Query.Body);

        Assert.False(statement.HasUnknown);
        Assert.True(select.Distinct);
        Assert.Equal(new[] { null, "qty" }, select.Items.Select(i => i.Alias));
        var join = Assert.IsType<SqlJoin>(Assert.Single(select.From));
        Assert.Equal(SqlJoinKind.Inner, join.Kind);
        Assert.Equal("and", Assert.IsType<SqlBinary>(select.Where).Operator);
        Assert.Single(select.GroupBy);
        Assert.NotNull(select.Having);
        Assert.True(Assert.Single(statement.Query.OrderBy).Descending);
        Assert.NotNull(statement.Query.Limit);
        Assert.NotNull(statement.Query.Offset);
        Assert.True(statement.Query.IsLocking);
    }

    [Theory]
    [InlineData("SELECT 1 FROM a LEFT OUTER JOIN b ON a.x = b.x", "Left")]
    [InlineData("SELECT 1 FROM a RIGHT JOIN b USING (x)", "Right")]
    [InlineData("SELECT 1 FROM a FULL JOIN b ON true", "Full")]
    [InlineData("SELECT 1 FROM a CROSS JOIN b", "Cross")]
    [InlineData("SELECT 1 FROM a NATURAL JOIN b", "Inner")]
    public void Join_kinds_are_recognized(string sql, string kind)
    {
        var join = Assert.IsType<SqlJoin>(Assert.Single(SelectOf(sql).From));

        Assert.Equal(kind, join.Kind.ToString());
        Assert.Equal("a", Assert.IsType<SqlTableSource>(join.Left).Name);
        Assert.Equal("b", Assert.IsType<SqlTableSource>(join.Right).Name);
    }

    [Fact]
    public void Using_and_natural_joins_keep_their_columns_and_flag()
    {
        var usingJoin = Assert.IsType<SqlJoin>(Assert.Single(SelectOf("SELECT 1 FROM a JOIN b USING (x, \"Y\")").From));
        var naturalJoin = Assert.IsType<SqlJoin>(Assert.Single(SelectOf("SELECT 1 FROM a NATURAL JOIN b").From));

        Assert.Equal(new[] { "x", "Y" }, usingJoin.Using);
        Assert.True(naturalJoin.Natural);
    }

    [Fact]
    public void Comma_joins_subqueries_and_functions_in_from_become_separate_items()
    {
        var select = SelectOf("SELECT 1 FROM public.orders AS o, (SELECT 1) s, LATERAL unnest(o.tags) t, ONLY customers");

        Assert.Equal(4, select.From.Count);
        Assert.Equal("public.orders", Assert.IsType<SqlTableSource>(select.From[0]).Name);
        Assert.Equal("o", select.From[0].Alias);
        Assert.Equal("s", Assert.IsType<SqlSubquerySource>(select.From[1]).Alias);
        Assert.Equal("t", Assert.IsType<SqlOpaqueSource>(select.From[2]).Alias);
        Assert.Equal("customers", Assert.IsType<SqlTableSource>(select.From[3]).Name);
    }

    [Fact]
    public void Ctes_and_set_operations_parse()
    {
        var statement = Assert.IsType<SqlSelectStatement>(ParseOne(
            "WITH RECURSIVE a AS (SELECT 1), b (x) AS MATERIALIZED (SELECT 2) SELECT * FROM a UNION ALL (SELECT * FROM b) EXCEPT SELECT 3"));

        Assert.Equal(new[] { "a", "b" }, statement.Ctes.Concat(statement.Query.Ctes).Select(c => c.Name));
        var except = Assert.IsType<SqlSetOperation>(statement.Query.Body);
        Assert.Equal("except", except.Operator);
        Assert.Equal("union", Assert.IsType<SqlSetOperation>(except.Left).Operator);
        Assert.False(statement.HasUnknown);
    }

    [Fact]
    public void Expression_precedence_binds_and_tighter_than_or_and_between_keeps_its_and()
    {
        var where = SelectOf("SELECT 1 FROM t WHERE a = 1 OR b BETWEEN 1 AND 2 AND NOT c IS NULL").Where;

        var or = Assert.IsType<SqlBinary>(where);
        Assert.Equal("or", or.Operator);
        var and = Assert.IsType<SqlBinary>(or.Right);
        Assert.Equal("and", and.Operator);
        Assert.IsType<SqlBetween>(and.Left);
        var not = Assert.IsType<SqlUnary>(and.Right);
        Assert.Equal("is null", Assert.IsType<SqlUnary>(not.Operand).Operator);
    }

    [Theory]
    [InlineData("x IN (1, 2, 3)", typeof(SqlIn))]
    [InlineData("x NOT IN (SELECT y FROM t)", typeof(SqlIn))]
    [InlineData("x IN @ids", typeof(SqlIn))]
    [InlineData("x ILIKE '%a'", typeof(SqlBinary))]
    [InlineData("x = ANY(@ids)", typeof(SqlQuantified))]
    [InlineData("x > ALL (SELECT y FROM t)", typeof(SqlQuantified))]
    [InlineData("CAST(x AS int)", typeof(SqlCast))]
    [InlineData("x::timestamp with time zone", typeof(SqlCast))]
    [InlineData("CASE WHEN x > 1 THEN 'a' ELSE 'b' END", typeof(SqlCase))]
    [InlineData("EXISTS (SELECT 1 FROM t)", typeof(SqlSubqueryExpr))]
    [InlineData("coalesce(x, 0)", typeof(SqlFunctionCall))]
    [InlineData("extract(epoch FROM x)", typeof(SqlFunctionCall))]
    [InlineData("count(*) FILTER (WHERE x > 1)", typeof(SqlFunctionCall))]
    [InlineData("row_number() OVER (PARTITION BY x ORDER BY y)", typeof(SqlFunctionCall))]
    [InlineData("current_timestamp", typeof(SqlFunctionCall))]
    [InlineData("interval '1 day'", typeof(SqlLiteral))]
    [InlineData("ARRAY[1, 2]", typeof(SqlList))]
    [InlineData(":p", typeof(SqlParameter))]
    [InlineData("$1", typeof(SqlParameter))]
    [InlineData("t.\"Col\"", typeof(SqlColumnRef))]
    public void Expression_forms_parse_to_their_node_without_unknown_parts(string expression, Type nodeType)
    {
        var statement = Assert.IsType<SqlSelectStatement>(ParseOne("SELECT " + expression + " AS v"));
        var item = Assert.Single(Assert.IsType<SqlSelect>(statement.Query.Body).Items);

        Assert.IsType(nodeType, item.Expression);
        Assert.Equal("v", item.Alias);
        Assert.False(statement.HasUnknown);
    }

    [Fact]
    public void Insert_with_columns_on_conflict_and_returning_parses()
    {
        var insert = Assert.IsType<SqlInsertStatement>(ParseOne(
            "INSERT INTO orders AS o (id, status) VALUES (@id, 'new'), (2, 'x') ON CONFLICT (id) DO UPDATE SET status = excluded.status WHERE o.status <> 'done' RETURNING id"));

        Assert.Equal("orders", insert.Target!.Name);
        Assert.Equal(new[] { "id", "status" }, insert.Columns.Select(c => c.Column));
        Assert.Equal(2, Assert.IsType<SqlValuesBody>(insert.Source!.Body).Rows.Count);
        Assert.Equal("id", Assert.Single(insert.ConflictTarget).Column);
        Assert.Equal("status", Assert.Single(insert.ConflictUpdates).Column);
        Assert.NotNull(insert.Where);
        Assert.Single(insert.Returning);
        Assert.False(insert.HasUnknown);
    }

    [Fact]
    public void Insert_from_select_and_default_values_parse()
    {
        var fromSelect = Assert.IsType<SqlInsertStatement>(ParseOne("INSERT INTO a (x) SELECT y FROM b WHERE z = 1 ON CONFLICT DO NOTHING"));
        var defaults = Assert.IsType<SqlInsertStatement>(ParseOne("INSERT INTO a DEFAULT VALUES RETURNING *"));

        Assert.IsType<SqlSelect>(fromSelect.Source!.Body);
        Assert.False(fromSelect.HasUnknown);
        Assert.Null(defaults.Source);
        Assert.False(defaults.HasUnknown);
    }

    [Fact]
    public void Update_with_from_where_and_returning_parses()
    {
        var update = Assert.IsType<SqlUpdateStatement>(ParseOne(
            "UPDATE orders o SET status = 'x', (total, note) = (1, 'n') FROM customers c WHERE c.id = o.customer_id RETURNING o.id"));

        Assert.Equal("o", update.Target!.Alias);
        Assert.Equal(new[] { "status", "total", "note" }, update.Assignments.Select(a => a.Column));
        Assert.Single(update.From);
        Assert.True(update.HasWhere);
        Assert.Single(update.Returning);
        Assert.False(update.HasUnknown);
    }

    [Fact]
    public void Delete_with_using_where_current_of_and_without_where_parse()
    {
        var withUsing = Assert.IsType<SqlDeleteStatement>(ParseOne("DELETE FROM orders o USING customers c WHERE c.id = o.customer_id RETURNING o.id"));
        var currentOf = Assert.IsType<SqlDeleteStatement>(ParseOne("DELETE FROM orders WHERE CURRENT OF cur"));
        var all = Assert.IsType<SqlDeleteStatement>(ParseOne("DELETE FROM orders"));

        Assert.Single(withUsing.Using);
        Assert.True(currentOf.HasWhere);
        Assert.False(all.HasWhere);
    }

    [Fact]
    public void Several_statements_split_on_semicolons_outside_strings()
    {
        var statements = SqlParser.Parse(SqlTokenizer.Tokenize("SELECT ';'; DELETE FROM a WHERE x = 1;; UPDATE a SET x = 1"), CancellationToken.None);

        Assert.Collection(statements,
            s => Assert.IsType<SqlSelectStatement>(s),
            s => Assert.IsType<SqlDeleteStatement>(s),
            s => Assert.IsType<SqlUpdateStatement>(s));
    }

    [Theory]
    [InlineData("SELECT a FROM t TABLESAMPLE SYSTEM (10)")]
    [InlineData("SELECT a FROM t WHERE a = ")]
    [InlineData("SELECT a FROM t WHERE (a = 1")]
    [InlineData("SELECT a b c d FROM t")]
    [InlineData("VACUUM t")]
    [InlineData("SELECT INTO x FROM t")]
    public void Syntax_the_parser_does_not_know_marks_the_statement_unknown(string sql)
    {
        Assert.True(ParseOne(sql).HasUnknown);
    }

    [Fact]
    public void Deep_nesting_is_cut_off_instead_of_overflowing_the_stack()
    {
        string sql = "SELECT " + new string('(', 20_000) + "1" + new string(')', 20_000) + " + " + string.Concat(Enumerable.Repeat("-", 20_000)) + "1 FROM "
            + string.Concat(Enumerable.Repeat("(SELECT 1 FROM ", 5_000)) + "t" + new string(')', 5_000);

        var statement = ParseOne(sql);

        Assert.True(statement.HasUnknown);
    }
}
