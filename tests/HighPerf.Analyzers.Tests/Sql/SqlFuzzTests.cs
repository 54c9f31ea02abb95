using System.Text;
using HighPerf.Analyzers.Sql;
using HighPerf.Analyzers.Tests.Sql.Rules;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql;

/// <summary>
/// 100,000 mutated and truncated queries (fixed seed, so a failure reproduces) must never make the checker throw,
/// and every finding must point inside the text.
/// </summary>
public sealed class SqlFuzzTests
{
    private const int Iterations = 100_000;
    private const int Seed = 20261127;

    private static readonly string[] Corpus = HP1002Cases.All.Select(c => c.Sql).Concat(new[]
    {
        "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT n FROM t",
        "SELECT o.*, c.name FROM orders o LEFT JOIN customers c USING (id) WHERE o.total BETWEEN 1 AND 2 ORDER BY 1 DESC LIMIT 5 OFFSET 10",
        "INSERT INTO orders AS o (id, status) VALUES (@id, 'new') ON CONFLICT (id) DO UPDATE SET status = excluded.status WHERE o.status <> 'x' RETURNING *",
        "UPDATE orders o SET (status, note) = ('a', E'b\\'c') FROM customers c WHERE c.id = o.customer_id RETURNING o.id",
        "DELETE FROM order_items i USING orders o WHERE o.id = i.order_id AND o.status = ANY(:statuses) RETURNING i.order_id",
        "SELECT CASE WHEN total > 10 THEN 'big' ELSE $$small$$ END, count(*) FILTER (WHERE note IS NOT NULL) OVER (PARTITION BY status) FROM orders",
        "SELECT \"Category\", array_agg(DISTINCT sku ORDER BY sku) FROM products GROUP BY 1 HAVING count(*) > $1 FOR UPDATE SKIP LOCKED",
        "SELECT id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) AND lower(email) LIKE '%x' /* c */ -- d",
        "SELECT extract(epoch FROM created_at)::bigint, created_at AT TIME ZONE 'UTC', interval '1 day' FROM orders, LATERAL (SELECT 1) l",
        "SELECT id FROM orders o, customers c WHERE o.id IN (1, 2, 3) UNION SELECT id FROM products INTERSECT (SELECT 1) EXCEPT VALUES (2)",
    }).ToArray();

    private static readonly string[] Fragments =
    {
        "(", ")", "'", "\"", "$$", "$a$", "/*", "*/", "--", "::", ",", ";", ".", "*", "[", "]", "\n", "\\",
        "SELECT ", " FROM ", " WHERE ", " JOIN ", " ON ", " AND ", " OR ", " NOT ", " IN ", "(SELECT ", " CASE ", " END ",
        "@p", "$1", ":x", "E'\\", " ORDER BY ", " LIMIT ", " OFFSET ", "WITH ", " AS ", " UNION ", "INSERT INTO ", " VALUES ",
        "UPDATE ", " SET ", "DELETE ", " RETURNING ", " ON CONFLICT ", " DO ", " BETWEEN ", " LIKE ", " IS ", " NULL ",
        " ANY(", "ARRAY[", " OVER (", " FILTER (", " USING ", " LATERAL ", " CAST(", " EXISTS ", " = ", " <> ", "||",
    };

    [Fact]
    public void Mutated_and_truncated_queries_never_throw_and_findings_stay_inside_the_text()
    {
        var random = new Random(Seed);
        var findings = new List<SqlFinding>();
        int withFindings = 0;

        for (int i = 0; i < Iterations; i++)
        {
            string sql = Mutate(random, Corpus[random.Next(Corpus.Length)]);
            findings.Clear();
            try
            {
                SqlChecker.Check(sql, SqlTestSchema.Schema, findings, CancellationToken.None);
            }
            catch (Exception exception)
            {
                Assert.Fail($"Iteration {i} threw {exception.GetType().Name} for:{Environment.NewLine}{sql}{Environment.NewLine}{exception}");
            }

            foreach (var finding in findings)
                Assert.True(finding.Start >= 0 && finding.Length >= 0 && finding.Start + finding.Length <= sql.Length, $"Finding {finding.RuleId} out of range for: {sql}");
            withFindings += findings.Count > 0 ? 1 : 0;
        }

        // The mutations must leave enough valid SQL for the rules to run, or the test proves nothing.
        Assert.InRange(withFindings, Iterations / 10, Iterations);
    }

    [Fact]
    public void Every_corpus_query_is_valid_and_parses_without_unknown_parts()
    {
        foreach (string sql in Corpus)
        {
            var tokens = HighPerf.Analyzers.Sql.Lexing.SqlTokenizer.Tokenize(sql);
            var statements = HighPerf.Analyzers.Sql.Syntax.SqlParser.Parse(tokens, CancellationToken.None);
            Assert.All(statements, s => Assert.False(s.HasUnknown, sql));
        }
    }

    private static string Mutate(Random random, string sql)
    {
        var text = new StringBuilder(sql);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations; m++)
        {
            int at = random.Next(text.Length + 1);
            switch (random.Next(6))
            {
                case 0:
                    text.Length = at;
                    break;
                case 1:
                    text.Remove(Math.Min(at, text.Length), Math.Min(random.Next(1, 12), text.Length - Math.Min(at, text.Length)));
                    break;
                case 2:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 3:
                    int length = Math.Min(random.Next(1, 30), text.Length - Math.Min(at, text.Length));
                    text.Insert(at, text.ToString(Math.Min(at, text.Length), length));
                    break;
                case 4:
                    if (text.Length > 0)
                        text[Math.Min(at, text.Length - 1)] = (char)random.Next(32, 127);
                    break;
                default:
                    string other = Corpus[random.Next(Corpus.Length)];
                    text.Insert(at, other.Substring(random.Next(other.Length)));
                    break;
            }
        }
        return text.ToString();
    }
}
